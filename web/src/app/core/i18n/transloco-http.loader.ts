import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Translation, TranslocoLoader } from '@jsverse/transloco';
import { forkJoin, map, type Observable, shareReplay, tap } from 'rxjs';
import { FeatureTexts } from './feature-texts';
import { mergeTranslationParts, type TranslationTree } from './translation-parts';

/**
 * A language's texts: the core file `i18n/<lang>.json`, and with it the features' texts once a page has
 * wanted them (see FeatureTexts), fetched side by side and merged once. Each file is fetched once per
 * page load: Transloco asks again for the fallback language (Finnish) whenever another language loads.
 */
@Injectable({ providedIn: 'root' })
export class TranslocoHttpLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);
  private readonly featureTexts = inject(FeatureTexts);

  private readonly coreTexts = new Map<string, Observable<TranslationTree>>();

  getTranslation(lang: string): Observable<Translation> {
    const core = this.core(lang);
    if (!this.featureTexts.wanted) return core as Observable<Translation>;
    return forkJoin([core, this.featureTexts.fetch(lang)]).pipe(
      map(
        ([coreTree, features]) =>
          mergeTranslationParts([
            { name: `i18n/${lang}.json`, tree: coreTree },
            { name: `the features' texts (${lang})`, tree: features },
          ]) as Translation,
      ),
      tap(() => this.featureTexts.loadedWith(lang)),
    );
  }

  private core(lang: string): Observable<TranslationTree> {
    let texts = this.coreTexts.get(lang);
    if (!texts) {
      // shareReplay forgets a failed request, so the next load tries again.
      texts = this.http.get<TranslationTree>(`/i18n/${lang}.json`).pipe(shareReplay(1));
      this.coreTexts.set(lang, texts);
    }
    return texts;
  }
}
