import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@lava/contracts';

/** The API's error body, when the answer carried one. */
export function apiError(error: unknown): ApiError | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (body && typeof body === 'object' && typeof (body as ApiError).message === 'string') {
    return body as ApiError;
  }
  return null;
}
