/** Body of every 4xx/5xx answer from the API. `message` is meant for a person. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  /** Per-field messages when the request body failed validation. */
  details?: { field: string; messages: string[] }[];
}
