import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Route } from '@angular/router';
import { provideTransloco, TranslocoService } from '@jsverse/transloco';
import { appRoutes } from '../../app.routes';
import { authGuard } from '../auth/auth.guard';
import { FeatureTexts, featureTextsGuard, opensWithCoreTextsOnly, withFeatureTexts } from './feature-texts';
import { LanguageService } from './language.service';
import { TRANSLATION_PARTS } from './translation-parts';
import { TranslocoHttpLoader } from './transloco-http.loader';

// The jest run is Angular's development mode, so the features' texts come part by part (as from `nx serve`).
const CORE = { fi: { login: { title: 'Kirjaudu' } }, sv: { login: { title: 'Logga in' } } } as const;
const FEATURE = { fi: 'Tarkastus', sv: 'Granskning' } as const;

describe('FeatureTexts', () => {
  let http: HttpTestingController;
  let transloco: TranslocoService;
  let language: LanguageService;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTransloco({
          // As the app's: Finnish is the fallback, which Transloco loads again with every other language.
          config: {
            availableLangs: ['fi', 'sv', 'en'],
            defaultLang: 'fi',
            fallbackLang: 'fi',
            missingHandler: { useFallbackTranslation: true, logMissingKey: false },
          },
          loader: TranslocoHttpLoader,
        }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    transloco = TestBed.inject(TranslocoService);
    language = TestBed.inject(LanguageService);
  });
  afterEach(() => http.verify());

  const flushCore = (lang: 'fi' | 'sv') => http.expectOne(`/i18n/${lang}.json`).flush(CORE[lang]);
  /** Answers the request for every part; the review part holds the one text the tests read. */
  function flushParts(lang: 'fi' | 'sv') {
    for (const part of TRANSLATION_PARTS) {
      http.expectOne(`/i18n/${part}/${lang}.json`).flush(part === 'review' ? { review: { title: FEATURE[lang] } } : {});
    }
  }
  /** The app's start (in Finnish, nothing remembered): the core texts, and the features' too when the opening page wants them. */
  async function start({ withFeatures = false } = {}) {
    if (withFeatures) TestBed.inject(FeatureTexts).want();
    const started = language.init();
    flushCore('fi');
    if (withFeatures) flushParts('fi');
    await started;
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve));
  const guard = () => TestBed.runInInjectionContext(() => featureTextsGuard({} as never, {} as never)) as Promise<boolean>;

  it('loads the core texts only for the sign-in page', async () => {
    await start();
    expect(transloco.translate('login.title')).toBe('Kirjaudu');
    http.expectNone((request) => request.url.startsWith('/i18n/review/'));
  });

  it('fetches core and features side by side when the opening page wants them', async () => {
    await start({ withFeatures: true });
    expect(transloco.translate('review.title')).toBe('Tarkastus');
    // The page's guard finds them there: nothing more is fetched.
    await expect(guard()).resolves.toBe(true);
  });

  it('lets a page wait for the features, and switches languages only once theirs are in', async () => {
    await start();

    const waiting = guard();
    await settle();
    flushParts('fi');
    await expect(waiting).resolves.toBe(true);
    expect(transloco.translate('review.title')).toBe('Tarkastus');

    const switching = language.use('sv');
    await settle();
    flushCore('sv');
    expect(transloco.getActiveLang()).toBe('fi'); // not yet: the Swedish features are still on their way
    flushParts('sv');
    await switching;
    expect(transloco.getActiveLang()).toBe('sv');
    expect(transloco.translate('review.title')).toBe('Granskning');
  });

  it('adds the features to a language loaded earlier with the core texts only', async () => {
    await start();
    const toSwedish = language.use('sv'); // on the sign-in page: core only
    await settle();
    flushCore('sv');
    await toSwedish;
    const backToFinnish = language.use('fi');
    await backToFinnish;

    const waiting = guard(); // a signed-in page, in Finnish
    await settle();
    flushParts('fi');
    await waiting;

    const again = language.use('sv');
    await settle();
    expect(transloco.getActiveLang()).toBe('fi');
    flushParts('sv'); // Swedish's core texts are loaded already
    await again;
    expect(transloco.translate('review.title')).toBe('Granskning');
  });

  it('fetches the fallback language (Finnish) no second time when another language loads', async () => {
    await start({ withFeatures: true });
    const switching = language.use('en');
    await settle();
    http.expectNone('/i18n/fi.json');
    http.expectNone('/i18n/review/fi.json');
    http.expectOne('/i18n/en.json').flush({ login: { title: 'Sign in' } });
    for (const part of TRANSLATION_PARTS) http.expectOne(`/i18n/${part}/en.json`).flush({});
    await switching;
    expect(transloco.translate('login.title')).toBe('Sign in');
  });

  it('tries again on the next page when the features could not be fetched', async () => {
    await start();
    const failing = guard();
    await settle();
    http.expectOne('/i18n/content/fi.json').error(new ProgressEvent('offline'));
    for (const part of TRANSLATION_PARTS.filter((p) => p !== 'content')) http.match(`/i18n/${part}/fi.json`);
    await expect(failing).resolves.toBe(true);

    const retry = guard();
    await settle();
    flushParts('fi');
    await retry;
    expect(transloco.translate('review.title')).toBe('Tarkastus');
  });
});

describe('which pages need the features’ texts', () => {
  it('are all but the pages a guest opens first', () => {
    for (const path of [
      '/login',
      '/login?next=%2Fprofile',
      '/forgot-password',
      '/reset-password#token=x',
      '/reset-password/abc',
      '/invitation',
      '/',
      '/no-such-page',
    ]) {
      expect({ path, coreOnly: opensWithCoreTextsOnly(appRoutes, path) }).toEqual({ path, coreOnly: true });
    }
    for (const path of [
      '/assessments',
      '/assessments/a1#review',
      '/consultations',
      '/public',
      '/survey/abc',
      '/privacy',
      '/statement-link',
    ]) {
      expect({ path, coreOnly: opensWithCoreTextsOnly(appRoutes, path) }).toEqual({ path, coreOnly: false });
    }
  });

  it('get the guard after their own guards; redirects and core-only routes do not', () => {
    const routes: Route[] = withFeatureTexts([
      { path: 'a', canActivate: [authGuard] },
      { path: 'b', data: { coreTextsOnly: true } },
      { path: 'c', redirectTo: '/a' },
    ]);
    expect(routes.map((route) => route.canActivate)).toEqual([[authGuard, featureTextsGuard], undefined, undefined]);
  });
});
