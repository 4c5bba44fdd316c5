import { DOCUMENT, DestroyRef, Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';

/** How long a page may take to load the part a link points at. */
export const FRAGMENT_WAIT_MS = 10_000;

/**
 * Notification links lead to a part of a page (`/assessments/:id#consultation`, `#section-scope`), and
 * that part appears only once the page has loaded its data. After each navigation with a fragment this
 * waits for the element with that id, scrolls to it and moves the focus to its first heading (or to
 * the element itself when it has none), so a screen reader continues from there too. Gives up after FRAGMENT_WAIT_MS, or when the person navigates on.
 */
@Injectable({ providedIn: 'root' })
export class FragmentLanding {
  private readonly document = inject(DOCUMENT);
  private cancel: (() => void) | null = null;

  constructor() {
    const router = inject(Router);
    router.events
      .pipe(
        filter((e): e is NavigationEnd => e instanceof NavigationEnd),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => this.land(router.parseUrl(router.url).fragment));
  }

  land(fragment: string | null): void {
    this.cancel?.();
    this.cancel = null;
    if (!fragment) return;
    const found = this.document.getElementById(fragment);
    if (found) {
      this.go(found);
      return;
    }
    const observer = new MutationObserver(() => {
      const element = this.document.getElementById(fragment);
      if (element) {
        stop();
        this.go(element);
      }
    });
    const timer = setTimeout(() => stop(), FRAGMENT_WAIT_MS);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      this.cancel = null;
    };
    this.cancel = stop;
    observer.observe(this.document.body, { childList: true, subtree: true });
  }

  private go(element: HTMLElement): void {
    // After the page's own focus handling on navigation (its heading), so this one wins.
    setTimeout(() => {
      if (!element.isConnected) return;
      // The part's heading takes the focus, so a screen reader reads where the person landed.
      const target = element.matches('h1, h2, h3') ? element : (element.querySelector<HTMLElement>('h1, h2, h3') ?? element);
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
      element.scrollIntoView?.({ block: 'start' });
    });
  }
}
