import { createHash, randomUUID } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { idempotencyKeys } from "@/db/schema";
import { AppError, toErrorBody } from "@/lib/errors";

export type Answer = { status: number; body: Record<string, unknown>; replayed?: boolean };

/** How long a key is remembered. */
export const KEY_TTL_HOURS = 24;
/** A claim with no answer after this long belongs to a request that died: the next one with the key takes it over. */
const ABANDONED_AFTER_S = 120;
const IN_FLIGHT_POLL_MS = 5_000;

/**
 * `Idempotency-Key` for every v1 POST that creates something (withOrg's `idempotent` option in route.ts, the
 * notifications API and its batch items): the first request with a key claims a row (unique per organization:
 * concurrent duplicates meet at the index), runs, and stores its answer — refusals included (4xx), since the same
 * request would be refused the same way; a 5xx releases the key so a retry can try again. A later request with the
 * key gets the stored answer (`replayed`), and creates nothing; with another request it is a 422
 * `idempotency_key_reused`; while the first is still running a duplicate waits up to 5 s, then gets a 409. `run`
 * gets a key derived from the claim's id that side effects (queued messages) take theirs from, so even a request
 * that died after queueing and is taken over queues nothing twice.
 */
export async function runIdempotent(organizationId: string, key: string | null, request: unknown, run: (messageKey: string) => Promise<Answer>): Promise<Answer> {
  if (key === null) return capture(() => run(`request:${randomUUID()}`));
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new AppError("invalid_input", "The Idempotency-Key header must be 1 to 200 visible ASCII characters", [{ path: "Idempotency-Key", message: "invalid" }]);
  }
  const db = getDb();
  const hash = createHash("sha256").update(JSON.stringify(request)).digest("hex");
  await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.organizationId, organizationId), eq(idempotencyKeys.idempotencyKey, key), lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${KEY_TTL_HOURS})`)));
  const [claimed] = await db.insert(idempotencyKeys).values({ organizationId, idempotencyKey: key, requestHash: hash }).onConflictDoNothing().returning({ id: idempotencyKeys.id });
  if (claimed) return finish(claimed.id, run);

  const deadline = Date.now() + IN_FLIGHT_POLL_MS;
  for (;;) {
    const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.organizationId, organizationId), eq(idempotencyKeys.idempotencyKey, key)));
    if (!row) return runIdempotent(organizationId, key, request, run); // expired and deleted meanwhile: claim anew
    if (row.requestHash !== hash) throw new AppError("idempotency_key_reused", "This Idempotency-Key was already used with a different request", [{ path: "Idempotency-Key", message: "reused" }]);
    if (row.response && row.responseStatus) return { status: row.responseStatus, body: row.response, replayed: true };
    const [takeover] = await db
      .update(idempotencyKeys)
      .set({ createdAt: new Date() })
      .where(and(eq(idempotencyKeys.id, row.id), isNull(idempotencyKeys.response), lt(idempotencyKeys.createdAt, sql`now() - make_interval(secs => ${ABANDONED_AFTER_S})`)))
      .returning({ id: idempotencyKeys.id });
    if (takeover) return finish(takeover.id, run);
    if (Date.now() > deadline) throw new AppError("conflict", "A request with this Idempotency-Key is still being processed; retry in a moment", [{ path: "Idempotency-Key", message: "in_progress" }]);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function finish(claimId: string, run: (messageKey: string) => Promise<Answer>): Promise<Answer> {
  const answer = await capture(() => run(`request:${claimId}`));
  const db = getDb();
  if (answer.status >= 500) await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, claimId));
  else await db.update(idempotencyKeys).set({ responseStatus: answer.status, response: answer.body }).where(eq(idempotencyKeys.id, claimId));
  return answer;
}

/** Expected refusals become answers (stored like successes); anything else is logged and mapped by toErrorBody. */
async function capture(run: () => Promise<Answer>): Promise<Answer> {
  try {
    return await run();
  } catch (err) {
    const { status, body } = toErrorBody(err);
    return { status, body };
  }
}
