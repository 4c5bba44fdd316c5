import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, inject, isDevMode, provideAppInitializer, provideBrowserGlobalErrorListeners } from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { provideTransloco } from '@jsverse/transloco';
import { LANGUAGES } from '@lava/contracts';
import { appRoutes } from './app.routes';
import { waitsForSession } from './core/auth/auth.guard';
import { authInterceptor } from './core/auth/auth.interceptor';
import { AuthService } from './core/auth/auth.service';
import { LanguageService } from './core/i18n/language.service';
import { FeatureTexts, opensWithCoreTextsOnly } from './core/i18n/feature-texts';
import { DEFAULT_LANGUAGE } from './core/i18n/languages';
import { TranslatedTitleStrategy } from './core/i18n/translated-title.strategy';
import { TranslocoHttpLoader } from './core/i18n/transloco-http.loader';
import { preloadOpeningPage } from './core/routing/opening-page';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withInterceptors([authInterceptor])),
    provideRouter(appRoutes, withComponentInputBinding()),
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
    provideTransloco({
      config: {
        availableLangs: [...LANGUAGES],
        defaultLang: DEFAULT_LANGUAGE,
        fallbackLang: DEFAULT_LANGUAGE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
      },
      loader: TranslocoHttpLoader,
    }),
    // Load the remembered language before the first render, so no raw keys ever show. A page that
    // waits for the session (route guards) has it asked for at the same time, not after, and the first
    // render waits for both: the header is drawn once as it stays (signed in: name, sign-out, the
    // navigation), instead of growing under the page a moment later (Lighthouse: layout shift 0.18).
    // The opening page's code downloads meanwhile too (core/routing/opening-page.ts). A page other than
    // sign-in and its like has the features' texts fetched beside the core texts (core/i18n/feature-texts.ts).
    provideAppInitializer(() => {
      preloadOpeningPage(appRoutes, location.pathname);
      if (!opensWithCoreTextsOnly(appRoutes, location.pathname)) inject(FeatureTexts).want();
      const translations = inject(LanguageService).init();
      return waitsForSession(appRoutes, location.pathname) ? Promise.all([translations, inject(AuthService).restore()]) : translations;
    }),
  ],
};
