import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { Language } from '@lava/contracts';
import { FeatureTexts } from './feature-texts';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, LOCALES, isLanguage } from './languages';

/**
 * The UI language: Transloco's active language, `<html lang>` and the remembered choice
 * (localStorage) kept in step. Default Finnish.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly featureTexts = inject(FeatureTexts);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(readStoredLanguage());

  readonly language = this.current.asReadonly();
  readonly locale = computed(() => LOCALES[this.current()]);

  /** Applies the remembered language; resolves when its translations are loaded. */
  init(): Promise<unknown> {
    return this.use(this.current());
  }

  /**
   * Switches to a language once its texts are loaded (with the features' texts, if a page has wanted
   * them: a language loaded earlier for the sign-in page has the core texts only), so the page never
   * shows a raw key in between.
   */
  use(language: Language): Promise<unknown> {
    this.current.set(language);
    this.document.documentElement.lang = language;
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page only.
    }
    const loaded = new Promise((resolve) => {
      this.transloco.load(language).subscribe({ next: resolve, error: resolve });
    }).then(() => this.featureTexts.ensure(language));
    return loaded.then(() => {
      // A language chosen since then wins, whichever texts arrive first.
      if (this.current() === language) this.transloco.setActiveLang(language);
    });
  }
}

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}
