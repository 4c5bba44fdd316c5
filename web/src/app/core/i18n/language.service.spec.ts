import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { translocoTesting } from '../../../testing/translations';
import { LanguageService } from './language.service';
import { LANGUAGE_STORAGE_KEY } from './languages';

describe('LanguageService', () => {
  beforeEach(() => localStorage.clear());

  function create() {
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
    return TestBed.inject(LanguageService);
  }

  it('defaults to Finnish', () => {
    const service = create();
    expect(service.language()).toBe('fi');
    expect(service.locale()).toBe('fi-FI');
  });

  it('switches language: Transloco, <html lang>, locale and the remembered choice', async () => {
    const service = create();
    await service.use('sv');
    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('sv');
    expect(document.documentElement.lang).toBe('sv');
    expect(service.locale()).toBe('sv-FI');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('sv');
  });

  it('starts with the remembered language and ignores junk', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(create().language()).toBe('en');
    TestBed.resetTestingModule();
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');
    expect(create().language()).toBe('fi');
  });
});
