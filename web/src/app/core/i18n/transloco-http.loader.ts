import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Translation, TranslocoLoader } from '@jsverse/transloco';
import { forkJoin, map } from 'rxjs';
import { mergeTranslationParts, TRANSLATION_PARTS, type TranslationTree } from './translation-parts';

@Injectable({ providedIn: 'root' })
export class TranslocoHttpLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  getTranslation(lang: string) {
    const names = ['core', ...TRANSLATION_PARTS];
    const urls = names.map((name) => (name === 'core' ? `/i18n/${lang}.json` : `/i18n/${name}/${lang}.json`));
    return forkJoin(urls.map((url) => this.http.get<TranslationTree>(url))).pipe(
      map((trees) => mergeTranslationParts(trees.map((tree, i) => ({ name: urls[i] ?? '', tree: tree }))) as Translation),
    );
  }
}
