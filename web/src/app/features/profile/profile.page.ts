import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { LANGUAGES, type CurrentUser, type Language, type UpdateProfileRequest } from '@lava/contracts';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { apiError } from '../../shared/api-error';
import { MyDataSection } from '../privacy/my-data-section';
import { CalendarFeedSection } from './calendar-feed-section';
import { NotificationPreferencesSection } from './notification-preferences';

/** Your name and language: the language of the interface, e-mails and notifications. */
@Component({
  selector: 'lava-profile-page',
  imports: [ReactiveFormsModule, TranslocoPipe, NotificationPreferencesSection, CalendarFeedSection, MyDataSection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile.page.html',
  // Youth council members use this page on phones too: their tap targets are 44 px (docs/youth-pages.md).
  host: { '[class.youth-page]': "auth.homePath() === '/consultations'" },
})
export class ProfilePage {
  private readonly http = inject(HttpClient);
  protected readonly auth = inject(AuthService);
  private readonly languages = inject(LanguageService);
  private readonly announcer = inject(AnnouncerService);

  protected readonly languageOptions = LANGUAGES;
  protected readonly user = this.auth.user;
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup({
    displayName: new FormControl(this.auth.user()?.displayName ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(100)],
    }),
    language: new FormControl<Language>(this.auth.user()?.language ?? 'fi', { nonNullable: true }),
  });

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const body: UpdateProfileRequest = this.form.getRawValue();
    this.http.patch<CurrentUser>('/api/me', body).subscribe({
      next: (updated) => {
        this.error.set(null);
        this.auth.updateUser(updated);
        void this.languages.use(updated.language).then(() => this.announcer.announce('profile.saved'));
      },
      error: (error: unknown) => this.error.set(apiError(error)?.message ?? null),
    });
  }
}
