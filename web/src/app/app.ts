import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DOCUMENT, DestroyRef, Injector, afterNextRender, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, NavigationStart, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LANGUAGES, type CurrentUser, type UpdateProfileRequest } from '@lava/contracts';
import { filter } from 'rxjs';
import { AnnouncerService } from './core/a11y/announcer.service';
import { AuthService } from './core/auth/auth.service';
import { LanguageService } from './core/i18n/language.service';
import { LANGUAGE_NAMES, isLanguage } from './core/i18n/languages';
import { NotificationsService } from './core/notifications/notifications.service';
import { SiteFooter } from './features/privacy/site-footer';
import { UnsavedWorkRegistry } from './core/unsaved/unsaved-work';

/** The profile, where the person's language is kept (the profile page saves it there too). */
const PROFILE_ROUTE = '/api/me';

@Component({
  selector: 'lava-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslocoPipe, SiteFooter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.css',
})
export class App {
  protected readonly auth = inject(AuthService);
  protected readonly language = inject(LanguageService);
  protected readonly notifications = inject(NotificationsService);
  protected readonly announcer = inject(AnnouncerService);
  protected readonly languages = LANGUAGES;
  protected readonly languageNames = LANGUAGE_NAMES;

  private readonly router = inject(Router);
  private readonly http = inject(HttpClient);
  private readonly unsavedWork = inject(UnsavedWorkRegistry);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  constructor() {
    const destroyRef = inject(DestroyRef);
    let first = true;
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationStart || e instanceof NavigationEnd),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((event) => {
        if (event instanceof NavigationStart) {
          this.announcer.clear();
          return;
        }
        // After an in-app navigation, put focus on the new page's heading so screen reader
        // and keyboard users start from the top of the new content.
        if (first) {
          first = false;
          return;
        }
        // A link to a part of a page: FragmentLanding moves the focus there instead.
        if (this.router.parseUrl(event.urlAfterRedirects).fragment) return;
        afterNextRender(() => this.focusHeading(), { injector: this.injector });
      });

    if (this.auth.isLoggedIn()) {
      // Check the stored token and pick up membership changes; a 401 signs out.
      this.auth.refreshUser().subscribe({ error: () => undefined });
    }
  }

  protected onLanguageChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (!isLanguage(value)) return;
    void this.language.use(value);
    // Signed in, the choice goes into the profile too, so the next sign-in (any browser) keeps it.
    if (this.auth.user() && this.auth.user()?.language !== value) {
      const body: UpdateProfileRequest = { language: value };
      this.http.patch<CurrentUser>(PROFILE_ROUTE, body).subscribe({
        next: (user) => this.auth.updateUser(user),
        error: () => undefined, // this page keeps the language; the profile page can save it again
      });
    }
  }

  protected async logout(): Promise<void> {
    // Signing out leaves the page: unsaved work is saved or the person is asked first (once).
    if (!(await this.unsavedWork.confirmLeave())) return;
    this.unsavedWork.allowNextLeave();
    await this.auth.logout();
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.focusHeading();
  }

  private focusHeading(): void {
    const main = this.document.getElementById('main');
    const target = main?.querySelector<HTMLElement>('h1') ?? main;
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }
}
