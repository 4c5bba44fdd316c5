import { DOCUMENT, DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { CanDeactivateFn, Route } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';

/**
 * Something a person typed that may not be saved yet. Editors describe theirs; the registry asks
 * before the person leaves (route change, reload, closing the tab) while any of them is unsaved.
 */
export interface UnsavedWork {
  /**
   * True while leaving now would lose work: a change not yet saved, a save under way, a save that
   * failed, a conflict waiting for a choice, a comment typed but not sent. Asked when the person
   * leaves, so it may read signals or plain state alike.
   */
  unsaved(): boolean;
  /**
   * Optional: saves what can be saved now (an autosave not yet due). Resolves true when nothing is
   * left unsaved. Leaving by a route change waits for it (at most SAVE_BEFORE_LEAVING_MS) and asks
   * only if something is still unsaved; on reload or closing the tab it is started, and the browser asks.
   */
  save?(): Promise<boolean>;
}

/** How long a route change waits for the editors' saves before it asks. */
export const SAVE_BEFORE_LEAVING_MS = 8000;

/**
 * One place that knows whether leaving the page now would lose work. Editors register with
 * `registerUnsavedWork()` (in a component's or service's constructor; it unregisters when that is
 * destroyed):
 *
 * ```ts
 * registerUnsavedWork({ unsaved: () => this.text().trim() !== '' });          // a comment box
 * registerUnsavedWork({ unsaved: () => editor.unsaved(), save: () => editor.settle() }); // autosave
 * ```
 *
 * The router asks through `unsavedWorkGuard` (every route has it: see `askBeforeLeaving`), the
 * browser through `beforeunload` (reload, closing the tab, typing another address).
 */
@Injectable({ providedIn: 'root' })
export class UnsavedWorkRegistry {
  private readonly document = inject(DOCUMENT);
  private readonly transloco = inject(TranslocoService);
  private readonly works = signal<readonly UnsavedWork[]>([]);
  /** Set when the person already agreed to leave (signing out asks before it navigates). */
  private passNext = false;

  /** True while any registered editor holds unsaved work. */
  unsaved(): boolean {
    return this.works().some((w) => w.unsaved());
  }

  constructor() {
    const window = this.document.defaultView;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!this.unsaved()) return;
      // Start the saves that can still go out; the browser's own dialog asks meanwhile.
      for (const work of this.works()) if (work.unsaved()) void work.save?.().catch(() => false);
      event.preventDefault();
      // Older browsers need returnValue set; its text is not shown anywhere any more.
      event.returnValue = '';
    };
    window?.addEventListener('beforeunload', onBeforeUnload);
    inject(DestroyRef).onDestroy(() => window?.removeEventListener('beforeunload', onBeforeUnload));
  }

  /** Adds an editor; returns the function that removes it again. */
  register(work: UnsavedWork): () => void {
    this.works.update((list) => [...list, work]);
    return () => this.works.update((list) => list.filter((w) => w !== work));
  }

  /**
   * Whether the person may leave: true at once when nothing is unsaved; else the editors save what
   * they can, and if something is still unsaved the person is asked. False means stay.
   */
  async confirmLeave(): Promise<boolean> {
    if (this.passNext) {
      this.passNext = false;
      return true;
    }
    if (!this.unsaved()) return true;
    const pending = this.works().filter((w) => w.unsaved());
    await withTimeout(
      Promise.all(pending.map((w) => (w.save ? w.save().catch(() => false) : Promise.resolve(false)))),
      SAVE_BEFORE_LEAVING_MS,
    );
    if (!this.unsaved()) return true;
    const window = this.document.defaultView;
    return window ? window.confirm(this.transloco.translate('common.leaveUnsaved')) : true;
  }

  /** The next route change goes ahead without asking (the person has just been asked). */
  allowNextLeave(): void {
    this.passNext = true;
  }
}

/**
 * Registers an editor's unsaved work for as long as the calling component or service lives.
 * Call in an injection context (a constructor or field initializer).
 */
export function registerUnsavedWork(work: UnsavedWork): void {
  const unregister = inject(UnsavedWorkRegistry).register(work);
  inject(DestroyRef).onDestroy(unregister);
}

/** Asks before a route change would lose unsaved work (see UnsavedWorkRegistry). */
export const unsavedWorkGuard: CanDeactivateFn<unknown> = () => inject(UnsavedWorkRegistry).confirmLeave();

/**
 * The routes with `unsavedWorkGuard` on every page (every route that shows a component), so that
 * leaving any page asks while something is unsaved. Use on each routes file, lazy ones included.
 */
export function askBeforeLeaving(routes: Route[]): Route[] {
  return routes.map((route) => {
    const shows = route.component !== undefined || route.loadComponent !== undefined;
    return {
      ...route,
      ...(shows ? { canDeactivate: [...(route.canDeactivate ?? []), unsavedWorkGuard] } : {}),
      ...(route.children ? { children: askBeforeLeaving(route.children) } : {}),
    };
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
