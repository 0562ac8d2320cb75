import { AppError } from "@/lib/errors";
import { GraphApiError } from "@/lib/whatsapp/graph/graph-error";

/**
 * Meta's answer to a template call, as Papo's error: a refusal (name taken, bad format, edit not allowed…) is a 422
 * carrying Meta's own words, on `path` when the cause is known (a name already in use → `name`); no answer or a 5xx
 * is a 503 (try again). Anything else is rethrown.
 */
export function metaTemplateError(err: unknown, action: string): never {
  if (err instanceof GraphApiError) {
    if (err.httpStatus === null || err.httpStatus >= 500 || err.retry === "ambiguous") {
      throw new AppError("upstream_unavailable", `Could not ${action}: Meta's Graph API did not answer (${err.title}). Try again in a moment.`);
    }
    const message = `Meta refused to ${action}: ${err.title}${err.details ? ` — ${err.details}` : ""}`;
    const path = err.subcode === 2388024 ? "name" : "";
    throw new AppError("invalid_input", message, [{ path, message }]);
  }
  throw err;
}
