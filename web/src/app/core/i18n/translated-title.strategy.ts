import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { BehaviorSubject, switchMap } from 'rxjs';

/**
 * Route `title`s are translation keys. The document title becomes "<page> – Lava" in the
 * current language and follows language switches.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly key$ = new BehaviorSubject<string>('app.name');

  constructor() {
    super();
    this.key$.pipe(switchMap((key) => this.transloco.selectTranslate<string>(key))).subscribe((page) => {
      const app = this.transloco.translate<string>('app.name');
      this.title.setTitle(page === app ? app : `${page} – ${app}`);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key$.next(this.buildTitle(snapshot) ?? 'app.name');
  }
}
