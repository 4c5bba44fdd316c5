import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { map, switchMap } from 'rxjs';

interface StatementPart {
  id: string;
  heading: string;
  /** Paragraphs and lists in the order the translation file gives them. */
  blocks: ({ kind: 'p'; text: string } | { kind: 'ul'; items: string[] })[];
}

type Tree = { [key: string]: string | Tree };

/** Turns a `sections` translation subtree into headings, paragraphs and lists (pure; unit-tested). */
export function statementParts(sections: Tree | string | undefined): StatementPart[] {
  if (!sections || typeof sections === 'string') return [];
  return Object.entries(sections).flatMap(([id, section]) => {
    if (typeof section === 'string') return [];
    const heading = typeof section['heading'] === 'string' ? section['heading'] : id;
    const blocks = Object.entries(section)
      .filter(([key]) => key !== 'heading')
      .map(([, value]) =>
        typeof value === 'string'
          ? { kind: 'p' as const, text: value }
          : { kind: 'ul' as const, items: Object.values(value).filter((v): v is string => typeof v === 'string') },
      );
    return [{ id, heading, blocks }];
  });
}

/**
 * A public statement page (the privacy notice or the accessibility statement): its texts live in the
 * `privacy` translation part under the route's `statement` key, so each language reads in full.
 */
@Component({
  selector: 'lava-statement-page',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="statement" [attr.aria-labelledby]="key + '-title'">
      <h1 [id]="key + '-title'" tabindex="-1">{{ key + '.title' | transloco }}</h1>
      <p class="muted">{{ key + '.updated' | transloco }}</p>
      <p class="lead">{{ key + '.intro' | transloco }}</p>
      @for (part of parts(); track part.id) {
        <section [attr.aria-labelledby]="key + '-' + part.id">
          <h2 [id]="key + '-' + part.id">{{ part.heading }}</h2>
          @for (block of part.blocks; track $index) {
            @if (block.kind === 'p') {
              <p>{{ block.text }}</p>
            } @else {
              <ul>
                @for (item of block.items; track $index) {
                  <li>{{ item }}</li>
                }
              </ul>
            }
          }
        </section>
      }
    </article>
  `,
  styles: `
    .statement {
      max-width: 46rem;
    }
    .lead {
      font-size: 1.125rem;
    }
    h2 {
      margin-top: 2rem;
    }
    li + li {
      margin-top: 0.5rem;
    }
  `,
})
export class StatementPage {
  protected readonly key: 'privacyNotice' | 'accessibility' = inject(ActivatedRoute).snapshot.data['statement'];
  private readonly transloco = inject(TranslocoService);
  protected readonly parts = toSignal(
    this.transloco.langChanges$.pipe(
      switchMap(() => this.transloco.selectTranslateObject<Tree>(`${this.key}.sections`)),
      map((sections) => statementParts(sections)),
    ),
    { initialValue: [] },
  );
}
