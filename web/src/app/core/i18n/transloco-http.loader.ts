import { HttpClient } from '@angular/common/http';
import { Injectable, inject, isDevMode } from '@angular/core';
import type { Translation, TranslocoLoader } from '@jsverse/transloco';
import { catchError, forkJoin, map, type Observable } from 'rxjs';
import { mergeTranslationParts, TRANSLATION_PARTS, type TranslationTree } from './translation-parts';

@Injectable({ providedIn: 'root' })
export class TranslocoHttpLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  /**
   * The production build has every part merged into `i18n/<lang>.bundle.json` (scripts/lib/translations.mjs):
   * one request before the first render instead of one per part. The parts are read one by one in
   * development (the dev server serves web/public as it is) and whenever the bundle is missing.
   */
  getTranslation(lang: string): Observable<Translation> {
    if (isDevMode()) return this.parts(lang);
    return this.http.get<Translation>(`/i18n/${lang}.bundle.json`).pipe(catchError(() => this.parts(lang)));
  }

  private parts(lang: string): Observable<Translation> {
    const names = ['core', ...TRANSLATION_PARTS];
    const urls = names.map((name) => (name === 'core' ? `/i18n/${lang}.json` : `/i18n/${name}/${lang}.json`));
    return forkJoin(urls.map((url) => this.http.get<TranslationTree>(url))).pipe(
      map((trees) => mergeTranslationParts(trees.map((tree, i) => ({ name: urls[i] ?? '', tree: tree }))) as Translation),
    );
  }
}
