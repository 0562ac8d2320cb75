import { ApiError } from "./api-fetch";

export type FieldErrors = Partial<Record<string, string>>;

/** The API's per-field issues (422, or a 409 that names a field) as `{ field: message }`; first message wins. */
export function fieldErrorsFrom(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.path && !result[issue.path]) result[issue.path] = issue.message;
  }
  return result;
}
