import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { RECORD_LIMITS, type AdminOrganizationView, type WellbeingFramework, type WellbeingSet } from '@lava/contracts';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { LanguageService } from '../../core/i18n/language.service';
import { apiError } from '../../shared/api-error';
import { AdminApi } from './admin.api';

/** The organizations whose assessments use an indicator set. */
const KINDS = ['municipality', 'wellbeing_county'];

/**
 * The wellbeing indicator set a municipality's assessments tag impacts with: none, SHANARRI's eight,
 * or the organization's own list (one indicator a line, e.g. from its children and young people's
 * welfare plan). One organization at a time, chosen from the admin's own.
 */
@Component({
  selector: 'lava-wellbeing-section',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card block" aria-labelledby="wellbeing-heading">
      <h2 id="wellbeing-heading">{{ 'wellbeingAdmin.heading' | transloco }}</h2>
      <p class="hint">{{ 'wellbeingAdmin.intro' | transloco }}</p>
      @if (organizations().length === 0) {
        <p class="muted">{{ 'wellbeingAdmin.noOrganizations' | transloco }}</p>
      } @else {
        <form (submit)="$event.preventDefault(); save()">
          @if (organizations().length > 1) {
            <div class="field">
              <label for="wellbeing-organization">{{ 'wellbeingAdmin.organization' | transloco }}</label>
              <select id="wellbeing-organization" (change)="choose($any($event.target).value)">
                @for (o of organizations(); track o.id) {
                  <option [value]="o.id" [selected]="o.id === selected()">{{ o.name }}</option>
                }
              </select>
            </div>
          } @else {
            <p>
              <strong>{{ 'wellbeingAdmin.organization' | transloco }}:</strong> {{ organizations()[0].name }}
            </p>
          }
          <fieldset>
            <legend>{{ 'wellbeingAdmin.framework' | transloco }}</legend>
            @for (f of frameworks; track f) {
              <div class="choice">
                <input
                  type="radio"
                  name="wellbeing-framework"
                  [id]="'wellbeing-' + f"
                  [value]="f"
                  [checked]="framework() === f"
                  [attr.aria-describedby]="'wellbeing-' + f + '-hint'"
                  (change)="framework.set(f)"
                />
                <label [for]="'wellbeing-' + f">{{ 'wellbeingAdmin.frameworks.' + f | transloco }}</label>
              </div>
              <p class="hint choice-hint" [id]="'wellbeing-' + f + '-hint'">{{ 'wellbeingAdmin.frameworkHints.' + f | transloco }}</p>
            }
          </fieldset>
          @if (framework() === 'custom') {
            <div class="field">
              <label for="wellbeing-names">{{ 'wellbeingAdmin.names' | transloco }}</label>
              <span class="hint" id="wellbeing-names-hint">{{ 'wellbeingAdmin.namesHint' | transloco: { max: max } }}</span>
              <textarea
                id="wellbeing-names"
                rows="8"
                aria-describedby="wellbeing-names-hint"
                [value]="names()"
                (input)="names.set($any($event.target).value)"
              ></textarea>
            </div>
          }
          <div role="alert" class="alert">
            @if (error(); as message) {
              {{ message }}
            }
          </div>
          <div class="form-actions">
            <button type="submit" class="btn" [disabled]="saving()">{{ 'wellbeingAdmin.save' | transloco }}</button>
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    .choice {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.25rem;
    }
    .choice input {
      width: 1.25rem;
      height: 1.25rem;
      margin: 0;
    }
    .choice-hint {
      margin: 0 0 0.5rem 1.75rem;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 1rem;
      min-width: 0;
    }
    legend {
      font-weight: 600;
    }
    .alert:empty {
      display: none;
    }
  `,
})
export class WellbeingSection {
  private readonly api = inject(AdminApi);
  private readonly announcer = inject(AnnouncerService);
  protected readonly frameworks: readonly WellbeingFramework[] = ['none', 'shanarri', 'custom'];
  protected readonly max = RECORD_LIMITS.wellbeingIndicators;

  private readonly all = signal<AdminOrganizationView[]>([]);
  protected readonly organizations = computed(() => this.all().filter((o) => KINDS.includes(o.kind)));
  protected readonly selected = signal<string | null>(null);
  protected readonly framework = signal<WellbeingFramework>('none');
  /** The own list, one indicator a line. */
  protected readonly names = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly saving = signal(false);

  constructor() {
    const language = inject(LanguageService).language;
    effect(() => {
      language();
      untracked(() =>
        this.api.organizations().subscribe({
          next: (orgs) => {
            this.all.set(orgs);
            const first = this.organizations()[0];
            if (first && !this.organizations().some((o) => o.id === this.selected())) this.choose(first.id);
          },
        }),
      );
    });
  }

  protected choose(id: string): void {
    this.selected.set(id);
    this.error.set(null);
    this.api.wellbeing(id).subscribe({
      next: (set) => this.show(set),
      error: (error: unknown) => this.error.set(apiError(error)?.message ?? null),
    });
  }

  protected save(): void {
    const id = this.selected();
    if (!id) return;
    const names = this.names()
      .split('\n')
      .map((n) => n.trim())
      .filter(Boolean);
    this.saving.set(true);
    this.error.set(null);
    this.api.setWellbeing(id, { framework: this.framework(), ...(this.framework() === 'custom' ? { names } : {}) }).subscribe({
      next: (set) => {
        this.saving.set(false);
        this.show(set);
        const name = this.organizations().find((o) => o.id === id)?.name ?? '';
        this.announcer.announce('wellbeingAdmin.saved', { name });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(apiError(error)?.message ?? null);
      },
    });
  }

  private show(set: WellbeingSet): void {
    this.framework.set(set.framework);
    if (set.framework === 'custom') this.names.set(set.indicators.map((i) => i.name ?? i.key).join('\n'));
  }
}
