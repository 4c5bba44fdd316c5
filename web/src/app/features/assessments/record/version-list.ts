import { signal } from '@angular/core';
import type { AssessmentVersionPage, AssessmentVersionView } from '@lava/contracts';

/**
 * The versions the history shows, newest first, a page at a time: the newest page again after
 * every save, and older pages on request. Versions are numbered without gaps, so a fresh newest
 * page joins the older ones already shown when it reaches down to them; otherwise (many saves
 * since) the list starts again from the newest page rather than show a hole.
 */
export class VersionList {
  private readonly shown = signal<readonly AssessmentVersionView[]>([]);
  private readonly cursor = signal<number | null>(null);
  readonly versions = this.shown.asReadonly();
  /** The version to ask older ones before; null when the oldest is shown. */
  readonly nextCursor = this.cursor.asReadonly();
  readonly failed = signal(false);
  readonly loadingOlder = signal(false);
  readonly olderFailed = signal(false);

  constructor(private readonly fetch: (before: number | null) => Promise<AssessmentVersionPage>) {}

  /** Forgets what is shown (another assessment is opened). */
  reset(): void {
    this.shown.set([]);
    this.cursor.set(null);
    this.failed.set(false);
    this.olderFailed.set(false);
  }

  /** Loads the newest page, keeping the older pages already shown. */
  async refresh(): Promise<void> {
    try {
      const page = await this.fetch(null);
      this.failed.set(false);
      const merged = joinNewestPage(this.shown(), this.cursor(), page);
      this.shown.set(merged.items);
      this.cursor.set(merged.nextCursor);
    } catch {
      this.failed.set(true);
    }
  }

  /** Loads the next older page; answers how many versions were added (0 on failure or at the end). */
  async loadOlder(): Promise<number> {
    const before = this.cursor();
    if (before === null || this.loadingOlder()) return 0;
    this.loadingOlder.set(true);
    try {
      const page = await this.fetch(before);
      // A refresh may have replaced the list meanwhile; then this page no longer follows it.
      if (this.cursor() !== before) return 0;
      const known = new Set(this.shown().map((v) => v.version));
      const added = page.items.filter((v) => !known.has(v.version));
      this.shown.update((items) => [...items, ...added]);
      this.cursor.set(page.nextCursor);
      this.olderFailed.set(false);
      return added.length;
    } catch {
      this.olderFailed.set(true);
      return 0;
    } finally {
      this.loadingOlder.set(false);
    }
  }
}

/** The fresh newest page followed by the older versions shown before, when the two meet without a gap. */
export function joinNewestPage(
  shown: readonly AssessmentVersionView[],
  shownCursor: number | null,
  page: AssessmentVersionPage,
): { items: readonly AssessmentVersionView[]; nextCursor: number | null } {
  const oldestOnPage = page.items.at(-1)?.version;
  if (oldestOnPage === undefined || page.nextCursor === null) return page;
  const older = shown.filter((v) => v.version < oldestOnPage);
  // The newest shown older version must be the one right below the page; otherwise the page is all we keep.
  if (older.length === 0 || older[0].version !== oldestOnPage - 1) return page;
  return { items: [...page.items, ...older], nextCursor: shownCursor };
}
