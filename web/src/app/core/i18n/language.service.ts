import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { Language } from '@lava/contracts';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, LOCALES, isLanguage } from './languages';

/**
 * The UI language: Transloco's active language, `<html lang>` and the remembered choice
 * (localStorage) kept in step. Default Finnish.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(readStoredLanguage());

  readonly language = this.current.asReadonly();
  readonly locale = computed(() => LOCALES[this.current()]);

  /** Applies the remembered language; resolves when its translations are loaded. */
  init(): Promise<unknown> {
    return this.use(this.current());
  }

  use(language: Language): Promise<unknown> {
    this.current.set(language);
    this.document.documentElement.lang = language;
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page only.
    }
    this.transloco.setActiveLang(language);
    return new Promise((resolve) => {
      this.transloco.load(language).subscribe({ next: resolve, error: resolve });
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
