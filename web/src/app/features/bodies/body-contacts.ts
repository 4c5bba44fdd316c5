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
        <ul class="contact-list">
          @for (c of contacts(); track c.id) {
            <li>
              <span>{{ c.name }} &lt;{{ c.email }}&gt; ({{ 'languages.' + c.language | transloco }})</span>
              @if (removing() === c.id) {
                <span class="confirm" role="group" [attr.aria-label]="'bodies.admin.removeContact' | transloco: { name: c.name }">
                  <span [id]="'confirm-remove-' + c.id">{{ 'bodies.admin.confirmRemove' | transloco: { name: c.name } }}</span>
                  <button type="button" class="btn btn-small" [attr.aria-describedby]="'confirm-remove-' + c.id" (click)="remove(c)">
                    {{ 'bodies.admin.confirmRemoveButton' | transloco }}
                  </button>
                  <button type="button" class="btn btn-quiet btn-small" (click)="removing.set(null)">
                    {{ 'bodies.admin.cancel' | transloco }}
                  </button>
                </span>
              } @else {
                <button type="button" class="btn btn-quiet btn-small" (click)="edit(c)">
                  {{ 'bodies.admin.editContact' | transloco: { name: c.name } }}
                </button>
                <button type="button" class="btn btn-quiet btn-small" (click)="removing.set(c.id)">
                  {{ 'bodies.admin.removeContact' | transloco: { name: c.name } }}
                </button>
              }
            </li>
          }
        </ul>
      }
      <form
        novalidate
        (ngSubmit)="save()"
        [attr.aria-label]="editing() ? ('bodies.admin.editing' | transloco: { name: editing()?.name }) : null"
      >
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
          <button type="submit" class="btn">
            {{ (editing() ? 'bodies.admin.saveContact' : 'bodies.admin.addContact') | transloco }}
          </button>
          @if (editing()) {
            <button type="button" class="btn btn-quiet" (click)="stopEditing()">{{ 'bodies.admin.cancel' | transloco }}</button>
          }
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
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .contact-list li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
      margin-bottom: 0.5rem;
    }
    .contact-list .confirm {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
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
  /** The contact whose details the form is changing (null: the form adds a new one). */
  protected readonly editing = signal<BodyContactView | null>(null);
  /** The contact whose removal waits for a second click (removing ends the links already sent to them). */
  protected readonly removing = signal<string | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  protected edit(contact: BodyContactView): void {
    this.error.set(null);
    this.removing.set(null);
    this.editing.set(contact);
    this.form = { name: contact.name, email: contact.email, language: contact.language };
    this.announcer.announce('bodies.admin.editing', { name: contact.name });
  }

  protected stopEditing(): void {
    this.editing.set(null);
    this.form = { name: '', email: '', language: this.form.language };
  }

  /** Adds a contact, or saves the one being edited. */
  protected async save(): Promise<void> {
    this.error.set(null);
    const editing = this.editing();
    try {
      const saved = editing
        ? await firstValueFrom(this.http.put<BodyContactView>(`${this.path()}/${editing.id}`, this.form))
        : await firstValueFrom(this.http.post<BodyContactView>(this.path(), this.form));
      this.editing.set(null);
      this.form = { name: '', email: '', language: this.form.language };
      this.announcer.announce(editing ? 'bodies.admin.contactChanged' : 'bodies.admin.contactAdded', { name: saved.name });
      await this.load();
    } catch (err) {
      this.error.set(apiError(err)?.message ?? null);
    }
  }

  protected async remove(contact: BodyContactView): Promise<void> {
    this.error.set(null);
    this.removing.set(null);
    if (this.editing()?.id === contact.id) this.stopEditing();
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
