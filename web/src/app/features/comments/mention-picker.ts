import { ChangeDetectionStrategy, Component, inject, input, model, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CommentAudience, PersonRef } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { CommentsApi } from './comments.api';

let nextId = 0;

/**
 * "Mention someone": the people who can see the thread (the API's list), as checkboxes, loaded
 * when first opened. The chosen user ids go with the comment; each of them is notified.
 */
@Component({
  selector: 'lava-mention-picker',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="mentions" (toggle)="opened($event)">
      <summary>
        {{ 'comments.mention.summary' | transloco }}
        @if (selected().length) {
          ({{ 'comments.mention.count' | transloco: { count: selected().length } }})
        }
      </summary>
      @if (state() === 'loading') {
        <p class="muted" role="status">{{ 'comments.loading' | transloco }}</p>
      } @else if (state() === 'error') {
        <p class="alert" role="alert">{{ 'comments.mention.loadError' | transloco }}</p>
      } @else if (state() === 'ok' && people().length === 0) {
        <p class="muted">{{ 'comments.mention.nobody' | transloco }}</p>
      } @else if (state() === 'ok') {
        <fieldset>
          <legend>{{ 'comments.mention.legend' | transloco }}</legend>
          @for (p of people(); track p.id) {
            <label class="person">
              <input type="checkbox" [checked]="selected().includes(p.id)" (change)="toggle(p.id, $event)" [attr.id]="uid + '-' + p.id" />
              {{ p.displayName }}
            </label>
          }
        </fieldset>
      }
    </details>
  `,
  styles: `
    .mentions {
      margin: 0.5rem 0;
    }
    summary {
      cursor: pointer;
      color: var(--brand);
      padding: 0.25rem 0;
    }
    fieldset {
      border: 1px solid var(--border, #c9ced6);
      border-radius: 4px;
      padding: 0.5rem 0.75rem;
      margin: 0.25rem 0 0;
    }
    legend {
      font-size: 0.9rem;
    }
    .person {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      min-height: 2rem;
    }
  `,
})
export class MentionPicker {
  readonly assessmentId = input.required<string>();
  readonly audience = input.required<CommentAudience>();
  readonly councilId = input<string | null>(null);
  readonly selected = model<string[]>([]);

  private readonly api = inject(CommentsApi);
  protected readonly uid = `mention-${++nextId}`;
  protected readonly people = signal<PersonRef[]>([]);
  protected readonly state = signal<'idle' | 'loading' | 'ok' | 'error'>('idle');
  private loadedFor = '';

  protected async opened(event: Event): Promise<void> {
    if (!(event.target as HTMLDetailsElement).open) return;
    const key = `${this.audience()}:${this.councilId() ?? ''}`;
    if (this.loadedFor === key && this.state() === 'ok') return;
    this.state.set('loading');
    try {
      const found = await firstValueFrom(this.api.mentionables(this.assessmentId(), this.audience(), this.councilId()));
      this.people.set(found.items);
      this.loadedFor = key;
      this.state.set('ok');
    } catch {
      this.state.set('error');
    }
  }

  protected toggle(id: string, event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    this.selected.update((ids) => (on ? [...ids.filter((i) => i !== id), id] : ids.filter((i) => i !== id)));
  }
}
