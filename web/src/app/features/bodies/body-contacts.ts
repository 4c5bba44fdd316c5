import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { LANGUAGES, type BodyContactView, type CreateBodyContactRequest, type Language } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { apiError } from '../../shared/api-error';

/**
 * The e-mail-only contacts of one heard body (issue 13), for its admin: people without an account
 * who answer statement requests through the one-time link of an e-mail.
 */
@Component({
  selector: 'lava-body-contacts',
  imports: [FormsModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card body-contacts" [attr.aria-labelledby]="'contacts-heading-' + bodyId()">
      <h3 class="form-title" [id]="'contacts-heading-' + bodyId()">
        {{ 'bodies.admin.manageContacts' | transloco: { name: bodyName() } }}
      </h3>
      <p class="hint">{{ 'bodies.admin.contactsHint' | transloco }}</p>
      @if (contacts().length === 0) {
        <p>{{ 'bodies.admin.noContacts' | transloco }}</p>
      } @else {
        <ul>
          @for (c of contacts(); track c.id) {
            <li>
              {{ c.name }} &lt;{{ c.email }}&gt; ({{ 'languages.' + c.language | transloco }})
              <button type="button" class="btn btn-quiet btn-small" (click)="remove(c)">
                {{ 'bodies.admin.removeContact' | transloco: { name: c.name } }}
              </button>
            </li>
          }
        </ul>
      }
      <form novalidate (ngSubmit)="add()">
        <label [for]="'contact-name-' + bodyId()">{{ 'bodies.admin.contactName' | transloco }}</label>
        <input [id]="'contact-name-' + bodyId()" name="name" autocomplete="off" [(ngModel)]="form.name" required />
        <label [for]="'contact-email-' + bodyId()">{{ 'bodies.admin.contactEmail' | transloco }}</label>
        <input [id]="'contact-email-' + bodyId()" name="email" type="email" autocomplete="off" [(ngModel)]="form.email" required />
        <label [for]="'contact-language-' + bodyId()">{{ 'bodies.admin.contactLanguage' | transloco }}</label>
        <select [id]="'contact-language-' + bodyId()" name="language" [(ngModel)]="form.language">
          @for (l of languages; track l) {
            <option [value]="l">{{ 'languages.' + l | transloco }}</option>
          }
        </select>
        <div role="alert" class="alert">
          @if (error(); as message) {
            {{ message }}
          }
        </div>
        <div class="actions">
          <button type="submit" class="btn">{{ 'bodies.admin.addContact' | transloco }}</button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .body-contacts form {
      display: grid;
      gap: 0.25rem;
      max-width: 28rem;
    }
    .body-contacts .actions {
      margin-top: 0.5rem;
    }
  `,
})
export class BodyContacts implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly announcer = inject(AnnouncerService);

  readonly bodyId = input.required<string>();
  readonly bodyName = input.required<string>();

  protected readonly languages = LANGUAGES;
  protected readonly contacts = signal<BodyContactView[]>([]);
  protected readonly error = signal<string | null>(null);
  protected form: CreateBodyContactRequest = { name: '', email: '', language: 'fi' as Language };

  ngOnInit(): void {
    void this.load();
  }

  protected async add(): Promise<void> {
    this.error.set(null);
    try {
      const added = await firstValueFrom(this.http.post<BodyContactView>(this.path(), this.form));
      this.form = { name: '', email: '', language: this.form.language };
      this.announcer.announce('bodies.admin.contactAdded', { name: added.name });
      await this.load();
    } catch (err) {
      this.error.set(apiError(err)?.message ?? null);
    }
  }

  protected async remove(contact: BodyContactView): Promise<void> {
    this.error.set(null);
    try {
      await firstValueFrom(this.http.delete<void>(`${this.path()}/${contact.id}`));
      this.announcer.announce('bodies.admin.contactRemoved', { name: contact.name });
      await this.load();
    } catch (err) {
      this.error.set(apiError(err)?.message ?? null);
    }
  }

  private path(): string {
    return `/api/admin/organizations/${this.bodyId()}/contacts`;
  }

  private async load(): Promise<void> {
    this.contacts.set(await firstValueFrom(this.http.get<BodyContactView[]>(this.path())));
  }
}
