import type { Answer } from "./run-idempotent";

/** An idempotent answer as the HTTP response; a replay says so in `Idempotent-Replayed`. */
export function answerResponse(answer: Answer): Response {
  return Response.json(answer.body, { status: answer.status, headers: answer.replayed ? { "idempotent-replayed": "true" } : {} });
}
