/** Body of every 4xx/5xx answer from the API. `message` is meant for a person. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  /** Per-field messages when the request body failed validation. */
  details?: { field: string; messages: string[] }[];
  /** When the workflow refused: every reason, with a stable code the web app translates. */
  refusals?: { code: string; message: string; params?: Record<string, string | number> }[];
  /** On a 409 for a stale version: the current version and what was saved since yours. */
  conflict?: {
    currentVersion: number;
    changes: { version: number; changedAt: string; changedBy: string | null; kind: string; fields: string[] }[];
  };
}
