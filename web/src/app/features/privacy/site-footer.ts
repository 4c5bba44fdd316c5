import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** Every page's footer, signed in or not: the privacy notice and the accessibility statement (Act 306/2019). */
@Component({
  selector: 'lava-site-footer',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <footer class="site-footer">
      <nav [attr.aria-label]="'footer.label' | transloco">
        <ul>
          <li>
            <a routerLink="/privacy">{{ 'footer.notice' | transloco }}</a>
          </li>
          <li>
            <a routerLink="/accessibility">{{ 'footer.accessibility' | transloco }}</a>
          </li>
        </ul>
      </nav>
    </footer>
  `,
  styles: `
    .site-footer {
      margin-top: 3rem;
      border-top: 1px solid var(--border);
      background: var(--surface);
    }
    ul {
      list-style: none;
      max-width: 72rem;
      margin: 0 auto;
      padding: 1rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 2rem;
    }
    a {
      display: inline-block;
      padding: 0.5rem 0;
      min-height: 44px;
      color: var(--link);
    }
  `,
})
export class SiteFooter {}
