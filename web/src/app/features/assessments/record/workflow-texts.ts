import { Injectable, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { isRefusalCode, isStage, WORKFLOW_TIME_ZONE } from '@lava/workflow';
import { LanguageService } from '../../../core/i18n/language.service';
import type { ApiRefusal } from './record-editor';

const DATE_PARAMS = ['followUpDate', 'nextDeadline'] as const;

/**
 * Texts that need translated parameters (a refusal names roles, stages and dates). Reads the
 * active translation as a signal, so templates calling these re-render when the language changes.
 */
@Injectable({ providedIn: 'root' })
export class WorkflowTexts {
  private readonly transloco = inject(TranslocoService);
  private readonly locale = inject(LanguageService).locale;
  private readonly translation = toSignal(this.transloco.selectTranslation());

  /** A refusal in the user's language, by its code; the API's sentence for a code this app does not know. */
  refusal(refusal: ApiRefusal): string {
    this.translation();
    if (!isRefusalCode(refusal.code)) return refusal.message;
    const params = refusal.params ?? {};
    const out: Record<string, string | number> = { ...params };
    const roles = params['allowedRoles'];
    if (typeof roles === 'string') {
      out['roles'] = roles
        .split(',')
        .filter(Boolean)
        .map((role) => this.transloco.translate(`roles.${role}`))
        .join(', ');
    }
    for (const key of ['stage', 'expectedStage']) {
      const stage = params[key];
      if (isStage(stage)) out[key] = this.transloco.translate(`stages.${stage}`);
    }
    for (const key of DATE_PARAMS) {
      const value = params[key];
      if (typeof value === 'string') out[key] = this.date(value, key === 'nextDeadline');
    }
    return this.transloco.translate(`workflow.refusals.${refusal.code}`, out);
  }

  /** A translation, tracked as a signal read. */
  t(key: string, params?: Record<string, string | number>): string {
    this.translation();
    return this.transloco.translate(key, params);
  }

  date(value: string, withTime = false): string {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    return new Intl.DateTimeFormat(
      this.locale(),
      // Times in Finnish time (see LocalDatePipe); a calendar date as it is.
      withTime ? { dateStyle: 'medium', timeStyle: 'short', timeZone: WORKFLOW_TIME_ZONE } : { dateStyle: 'medium', timeZone: 'UTC' },
    ).format(date);
  }

  time(value: Date): string {
    return new Intl.DateTimeFormat(this.locale(), { hour: '2-digit', minute: '2-digit', timeZone: WORKFLOW_TIME_ZONE }).format(value);
  }
}
