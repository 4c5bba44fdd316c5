import { HttpClient } from '@angular/common/http';
import { Injectable, Injector, inject, isDevMode } from '@angular/core';
import type { CanActivateFn, Route } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { catchError, firstValueFrom, forkJoin, map, type Observable, shareReplay } from 'rxjs';
import { openingRoutes } from '../routing/opening-page';
import { mergeTranslationParts, TRANSLATION_PARTS, type TranslationTree } from './translation-parts';

/**
 * The texts come in two layers. The core file (`i18n/<lang>.json`: the shell, sign-in, password and
 * invitation pages, errors, the domain's words) loads before the first render on every page. The
 * features' texts (every part in TRANSLATION_PARTS, two thirds of the whole) load with the first page
 * that needs them, which is every page except those a guest opens first (routes marked
 * `data: { coreTextsOnly: true }`), so the sign-in page on a phone parses and flattens a third of what
 * it did. Once wanted, they are part of every language loaded afterwards (TranslocoHttpLoader) and of
 * every language switched to (LanguageService), so no page ever shows a raw key.
 * A unit test (core-texts.spec.ts) checks that the shell and the core-only pages use core keys only.
 */
@Injectable({ providedIn: 'root' })
export class FeatureTexts {
  private readonly http = inject(HttpClient);
  // Transloco's loader uses this service, so Transloco is looked up when needed, not at construction.
  private readonly injector = inject(Injector);
  private featuresWanted = false;
  /** Languages whose translation in Transloco already holds the features' texts, or is getting them. */
  private readonly loading = new Map<string, Promise<void>>();
  /** The features' texts fetched in this page load, by language (Transloco asks for Finnish, its fallback, again). */
  private readonly fetched = new Map<string, Observable<TranslationTree>>();

  /** Whether the features' texts load with every language from now on. */
  get wanted(): boolean {
    return this.featuresWanted;
  }

  /** From now on every language loads with the features' texts (before the first load: one merge, not two). */
  want(): void {
    this.featuresWanted = true;
  }

  /** Marks a language whose translation the loader fetched together with the features' texts. */
  loadedWith(lang: string): void {
    this.loading.set(lang, Promise.resolve());
  }

  /**
   * Makes sure the active language (and every language switched to later) has the features' texts.
   * Resolves when they are merged; a failed download resolves too (the page then shows what it has, as
   * with any failed translation) and is tried again by the next page.
   */
  loadForActiveLanguage(): Promise<void> {
    this.want();
    return this.ensure(this.injector.get(TranslocoService).getActiveLang());
  }

  /** Merges the features' texts into a language Transloco has loaded with the core texts only. */
  ensure(lang: string): Promise<void> {
    if (!this.featuresWanted) return Promise.resolve();
    const known = this.loading.get(lang);
    if (known) return known;
    const transloco = this.injector.get(TranslocoService);
    const merging = firstValueFrom(this.fetch(lang))
      .then((tree) => transloco.setTranslation(tree, lang, { merge: true, emitChange: lang === transloco.getActiveLang() }))
      .catch(() => {
        this.loading.delete(lang);
      });
    this.loading.set(lang, merging);
    return merging;
  }

  /**
   * The features' texts for a language. The production build merges the parts into one
   * `i18n/<lang>.features.json` (scripts/lib/translations.mjs); the dev server serves web/public as it
   * is, so there (and whenever that file is missing) the parts are fetched one by one.
   */
  fetch(lang: string): Observable<TranslationTree> {
    let texts = this.fetched.get(lang);
    if (!texts) {
      const download = isDevMode()
        ? this.parts(lang)
        : this.http.get<TranslationTree>(`/i18n/${lang}.features.json`).pipe(catchError(() => this.parts(lang)));
      // shareReplay forgets a failed download, so the next page tries again.
      texts = download.pipe(shareReplay(1));
      this.fetched.set(lang, texts);
    }
    return texts;
  }

  private parts(lang: string): Observable<TranslationTree> {
    const urls = TRANSLATION_PARTS.map((part) => `/i18n/${part}/${lang}.json`);
    return forkJoin(urls.map((url) => this.http.get<TranslationTree>(url))).pipe(
      map((trees) => mergeTranslationParts(trees.map((tree, i) => ({ name: urls[i] ?? '', tree })))),
    );
  }
}

/** Waits for the features' texts before a page that needs them is shown. */
export const featureTextsGuard: CanActivateFn = () =>
  inject(FeatureTexts)
    .loadForActiveLanguage()
    .then(() => true);

/** Routes with this data need the core texts only (see FeatureTexts). */
export const CORE_TEXTS_ONLY = { coreTextsOnly: true } as const;

/** Gives every route except those marked CORE_TEXTS_ONLY (and redirects) the featureTextsGuard. */
export function withFeatureTexts(routes: Route[]): Route[] {
  return routes.map((route) =>
    route.redirectTo !== undefined || route.data?.['coreTextsOnly']
      ? route
      : { ...route, canActivate: [...(route.canActivate ?? []), featureTextsGuard] },
  );
}

/**
 * Whether the page the app opens with needs the core texts only: its top-level route (by the first
 * segment of the path) is marked CORE_TEXTS_ONLY, or no route has that segment (the not-found page).
 */
export function opensWithCoreTextsOnly(routes: readonly Route[], path: string): boolean {
  const matching = openingRoutes(routes, path);
  if (matching.length === 0) return routes.some((route) => route.path === '**' && route.data?.['coreTextsOnly']);
  return matching.every((route) => route.redirectTo !== undefined || route.data?.['coreTextsOnly']);
}
