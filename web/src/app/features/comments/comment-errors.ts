import { HttpErrorResponse } from '@angular/common/http';

/** The translation key for a failed comments request (the API's own message is English). */
export function commentErrorKey(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) return 'comments.errors.failed';
  switch (error.status) {
    case 400:
      return 'comments.errors.invalid';
    case 403:
      return 'comments.errors.forbidden';
    case 404:
      return 'comments.errors.notFound';
    case 409:
      return 'comments.errors.conflict';
    case 429:
      return 'commentLimits.tooFast';
    case 0:
      return 'comments.errors.offline';
    default:
      return 'comments.errors.failed';
  }
}
