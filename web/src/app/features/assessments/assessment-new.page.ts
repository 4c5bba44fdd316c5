import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DOCUMENT, afterNextRender, Injector, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CommitteeOption, CreateAssessmentRequest } from '@lava/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { LanguageService } from '../../core/i18n/language.service';
import { registerUnsavedWork } from '../../core/unsaved/unsaved-work';
import { apiError } from '../../shared/api-error';
import { AssessmentsApi } from './assessments.api';

export type FieldName = 'title' | 'committeeId' | 'plannedMeetingDate' | 'caseNumber';
const FIELDS: readonly FieldName[] = ['title', 'committeeId', 'plannedMeetingDate', 'caseNumber'];

/** Validation keys shown per field, in priority order (first match wins). */
const ERROR_KEYS: Record<FieldName, [string, string][]> = {
  title: [
    ['server', ''],
    ['required', 'newAssessment.errors.titleRequired'],
    ['minlength', 'newAssessment.errors.titleMinlength'],
    ['maxlength', 'newAssessment.errors.titleMaxlength'],
  ],
  committeeId: [
    ['server', ''],
    ['required', 'newAssessment.errors.committeeRequired'],
  ],
  plannedMeetingDate: [
    ['server', ''],
    ['date', 'newAssessment.errors.dateInvalid'],
  ],
  caseNumber: [
    ['server', ''],
    ['maxlength', 'newAssessment.errors.caseNumberMaxlength'],
  ],
};

function trimmedMinLength(min: number) {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const length = (control.value ?? '').trim().length;
    return length > 0 && length < min ? { minlength: { requiredLength: min, actualLength: length } } : null;
  };
}

function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return (control.value ?? '').trim().length === 0 ? { required: true } : null;
}

function isoDate(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value;
  if (!value) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? null : { date: true };
}

type CommitteesState = { status: 'loading' } | { status: 'error' } | { status: 'ok'; committees: CommitteeOption[] };

@Component({
  selector: 'lava-assessment-new-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessment-new.page.html',
  styleUrl: './assessment-new.page.css',
})
export class AssessmentNewPage {
  private readonly api = inject(AssessmentsApi);
  private readonly router = inject(Router);
  private readonly announcer = inject(AnnouncerService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  protected readonly form = new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [notBlank, trimmedMinLength(3), Validators.maxLength(300)],
    }),
    committeeId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    plannedMeetingDate: new FormControl('', { nonNullable: true, validators: [isoDate] }),
    caseNumber: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(100)] }),
  });

  /** Committee and municipality names come in the request's language: fetched again when it changes. */
  protected readonly committees = toSignal(
    toObservable(inject(LanguageService).language).pipe(
      switchMap(() =>
        this.api.committees().pipe(
          map((committees): CommitteesState => ({ status: 'ok', committees })),
          catchError(() => of<CommitteesState>({ status: 'error' })),
        ),
      ),
      startWith<CommitteesState>({ status: 'loading' }),
    ),
    { requireSync: true },
  );

  protected readonly submitted = signal(false);
  /** Set once the API has created it: the form's text is then saved. */
  private created = false;
  protected readonly saving = signal(false);
  /** The API's message (text) or a translation key (key) for the form-level alert. */
  protected readonly formError = signal<{ text?: string; key?: string } | null>(null);
  /** Re-evaluated on every status change so OnPush templates see new errors. */
  private readonly statusTick = toSignal(this.form.statusChanges, { initialValue: this.form.status });

  constructor() {
    // Leaving with a filled-in form that was not created asks first.
    registerUnsavedWork({ unsaved: () => !this.created && this.form.dirty });
  }

  /** Whether the field's error is shown (after it was touched or the form was submitted). */
  protected showError(name: FieldName): boolean {
    this.statusTick();
    const control = this.form.controls[name];
    return control.invalid && (control.touched || this.submitted());
  }

  /** The message for the field's first error: server text or a translation key. */
  protected errorFor(name: FieldName): { text?: string; key?: string } | null {
    this.statusTick();
    const errors = this.form.controls[name].errors;
    if (!errors) return null;
    for (const [code, key] of ERROR_KEYS[name]) {
      if (errors[code]) return code === 'server' ? { text: String(errors[code]) } : { key };
    }
    return { key: 'newAssessment.errors.invalid' };
  }

  protected describedBy(name: FieldName, hint: boolean): string | null {
    const ids = [hint ? `${name}-hint` : null, this.showError(name) ? `${name}-error` : null].filter(Boolean);
    return ids.length ? ids.join(' ') : null;
  }

  protected submit(): void {
    this.submitted.set(true);
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const value = this.form.getRawValue();
    const body: CreateAssessmentRequest = {
      title: value.title.trim(),
      committeeId: value.committeeId,
    };
    if (value.plannedMeetingDate) body.plannedMeetingDate = value.plannedMeetingDate;
    if (value.caseNumber.trim()) body.caseNumber = value.caseNumber.trim();

    this.saving.set(true);
    this.api.create(body).subscribe({
      next: (created) => {
        // The person goes on with the new assessment (its screening), not back to the list.
        this.created = true;
        void this.router.navigate(['/assessments', created.id]).then((ok) => {
          if (ok) this.announcer.announce('assessments.created');
        });
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.applyServerError(err);
      },
    });
  }

  private applyServerError(err: unknown): void {
    const body = apiError(err);
    if (body?.details?.length) {
      for (const detail of body.details) {
        if ((FIELDS as readonly string[]).includes(detail.field)) {
          const control = this.form.controls[detail.field as FieldName];
          control.setErrors({ ...(control.errors ?? {}), server: detail.messages.join(' ') });
          control.markAsTouched();
        }
      }
    }
    if (body?.message) {
      this.formError.set({ text: body.message });
    } else if (err instanceof HttpErrorResponse && err.status === 0) {
      this.formError.set({ key: 'common.unreachable' });
    } else {
      this.formError.set({ key: 'newAssessment.saveError' });
    }
    this.focusFirstInvalid();
  }

  private focusFirstInvalid(): void {
    afterNextRender(
      () => {
        const invalid = FIELDS.find((name) => this.form.controls[name].invalid);
        const id = invalid ? `field-${invalid}` : null;
        const el = id ? this.document.getElementById(id) : null;
        el?.focus();
      },
      { injector: this.injector },
    );
  }
}
