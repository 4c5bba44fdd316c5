import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, OnDestroy, OnInit, inject, signal } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { STATEMENT_LINK_LIMITS, type StatementLinkPointsRequest, type StatementLinkRequest, type StatementLinkView } from '@lava/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../core/i18n/language.service';
import { isLanguage } from '../../core/i18n/languages';
import { apiError } from '../../shared/api-error';
import { linkTokenFrom } from '../../shared/link-token';
import { LocalDatePipe } from '../../shared/local-date.pipe';

/** A sentence from the API, or a translation key when there is none. */
type Message = { text: string } | { key: string };

function message(err: unknown, fallback: string): Message {
  const text = apiError(err)?.message;
  return text ? { text } : { key: fallback };
}

/** How long after the last keystroke the draft is saved. */
const SAVE_DELAY_MS = 800;

/**
 * `/statement-link?lang=…#token=…`: a body's e-mail-only contact (an NGO, a parish, …) answers a
 * statement request without an account (issue 13). The page opens in the contact's language (`lang`
 * from the e-mail), shows the request and the plain-language summary, keeps the draft on the server
 * as they type, and sends the statement once; then the link is used up.
 */
@Component({
  selector: 'lava-statement-link-page',
  imports: [TranslocoPipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './statement-link.page.html',
  styleUrl: './statement-link.page.css',
})
export class StatementLinkPage implements OnInit, OnDestroy {
  private readonly http = inject(HttpClient);
  protected readonly language = inject(LanguageService);
  private readonly route = inject(ActivatedRoute);
  /** From the link's fragment: sent to the API only in request bodies. */
  private readonly token = linkTokenFrom(this.route.snapshot.fragment);
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected readonly limits = STATEMENT_LINK_LIMITS;
  protected readonly request = signal<StatementLinkView | null>(null);
  /** The points as typed (one empty field to write the next one in). */
  protected readonly points = signal<string[]>(['']);
  /** The link does not work: the API's sentence (already in the page's language), or a translation key. */
  protected readonly problem = signal<Message | null>(null);
  protected readonly error = signal<Message | null>(null);
  protected readonly saveState = signal<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  protected readonly sent = signal(false);
  /** The points another tab of the same link saved since this one loaded (a 409): the contact chooses. */
  protected readonly theirs = signal<string[] | null>(null);
  /** The draft's version this page last saw (sent with each save). */
  private version: number | undefined;
  /** The draft save on its way, if any. */
  private saving: Promise<void> = Promise.resolve();
  protected readonly busy = signal(false);

  async ngOnInit(): Promise<void> {
    const lang = this.route.snapshot.queryParamMap.get('lang');
    if (lang && isLanguage(lang)) await this.language.use(lang);
    if (!this.token) {
      this.problem.set({ key: 'bodies.link.noToken' });
      return;
    }
    try {
      const body: StatementLinkRequest = { token: this.token };
      const view = await firstValueFrom(this.http.post<StatementLinkView>('/api/statement-links/open', body));
      this.request.set(view);
      this.version = view.version;
      this.points.set([...view.points, '']);
    } catch (err) {
      this.fail(err);
    }
  }

  /** After a conflict: save this tab's text over the other one's. */
  protected keepMine(): void {
    this.theirs.set(null);
    void this.save();
  }

  /** After a conflict: show the other tab's draft instead (this tab's text is replaced). */
  protected useTheirs(): void {
    const theirs = this.theirs();
    if (!theirs) return;
    this.points.set([...theirs, '']);
    this.theirs.set(null);
    this.saveState.set('saved');
  }

  ngOnDestroy(): void {
    clearTimeout(this.timer);
  }

  protected edit(index: number, text: string): void {
    this.points.update((all) => all.map((p, i) => (i === index ? text : p)));
    // Always one empty field at the end for the next point.
    if (index === this.points().length - 1 && text.trim() !== '' && this.points().length < this.limits.points) {
      this.points.update((all) => [...all, '']);
    }
    this.scheduleSave();
  }

  protected remove(index: number): void {
    this.points.update((all) => all.filter((_, i) => i !== index));
    if (this.points().length === 0) this.points.set(['']);
    this.scheduleSave();
  }

  protected filled(): number {
    return this.points().filter((p) => p.trim() !== '').length;
  }

  protected async send(): Promise<void> {
    this.error.set(null);
    if (this.filled() === 0) {
      this.error.set({ key: 'bodies.link.needPoint' });
      return;
    }
    if (this.theirs()) return;
    clearTimeout(this.timer);
    this.busy.set(true);
    try {
      // A draft save still on its way would move the version under the submission: wait for it.
      await this.saving;
      if (this.theirs()) return;
      const submit = () => firstValueFrom(this.http.post<StatementLinkView>('/api/statement-links/submit', this.body()));
      const view = await submit().catch((err: unknown) => {
        // The other tab saved the very same points: send them with the newer version.
        if (this.conflicted(err) === 'same') return submit();
        throw err;
      });
      this.request.set(view);
      this.sent.set(true);
    } catch (err) {
      if (!this.conflicted(err)) this.fail(err);
    } finally {
      this.busy.set(false);
    }
  }

  private scheduleSave(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  /** Saves the draft after any save still on its way (one at a time, so this tab never conflicts with itself). */
  private save(): Promise<void> {
    this.saving = this.saving.then(() => this.saveNow());
    return this.saving;
  }

  private async saveNow(): Promise<void> {
    // While the contact chooses between two tabs' drafts, nothing is saved over either.
    if (this.theirs()) return;
    this.saveState.set('saving');
    try {
      const view = await firstValueFrom(this.http.put<StatementLinkView>('/api/statement-links/draft', this.body()));
      this.version = view.version;
      this.saveState.set('saved');
    } catch (err) {
      this.saveState.set('failed');
      if (this.conflicted(err)) return;
      if (err instanceof HttpErrorResponse && (err.status === 404 || err.status === 410)) this.fail(err);
    }
  }

  /**
   * A 409 for a draft saved in another tab: keep this tab's text, show the other's, let the contact
   * choose ('shown'); when both say the same, just take the newer version ('same').
   */
  private conflicted(err: unknown): 'shown' | 'same' | false {
    const conflict = err instanceof HttpErrorResponse && err.status === 409 ? err.error?.conflict : undefined;
    if (!conflict || !Array.isArray(conflict.points)) return false;
    this.version = conflict.currentVersion;
    if (JSON.stringify(conflict.points) === JSON.stringify(this.body().points)) {
      this.saveState.set('saved');
      return 'same';
    }
    this.theirs.set(conflict.points);
    this.saveState.set('idle');
    return 'shown';
  }

  private body(): StatementLinkPointsRequest {
    return { token: this.token ?? '', points: this.points().filter((p) => p.trim() !== ''), version: this.version };
  }

  private fail(err: unknown): void {
    if (err instanceof HttpErrorResponse && (err.status === 404 || err.status === 410)) {
      this.problem.set(message(err, 'bodies.link.noToken'));
      this.request.set(null);
    } else {
      this.error.set(message(err, 'common.unreachable'));
    }
  }
}
