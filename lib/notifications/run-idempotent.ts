import { createHash, randomUUID } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { notificationRequests } from "@/db/schema";
import { AppError, toErrorBody } from "@/lib/errors";

export type Answer = { status: number; body: Record<string, unknown>; replayed?: boolean };

/** How long a key is remembered. */
export const KEY_TTL_HOURS = 24;
/** A claim with no answer after this long belongs to a request that died: the next one with the key takes it over. */
const ABANDONED_AFTER_S = 120;
const IN_FLIGHT_POLL_MS = 5_000;

/**
 * The notifications API's `Idempotency-Key`: the first request with a key claims a row (unique per organization:
 * concurrent duplicates meet at the index), runs, and stores its answer — refusals included (4xx), since the same
 * request would be refused the same way; a 5xx releases the key so a retry can try again. A later request with the
 * key gets the stored answer (`replayed`), and sends nothing; with another body it is a 409. `run` gets the key
 * every message of this request derives its own idempotency key from (the claim's id), so even a request that died
 * after queueing and is taken over queues nothing twice.
 */
export async function runIdempotent(organizationId: string, key: string | null, request: unknown, run: (messageKey: string) => Promise<Answer>): Promise<Answer> {
  if (key === null) return capture(() => run(`notification:${randomUUID()}`));
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new AppError("invalid_input", "The Idempotency-Key header must be 1 to 200 visible ASCII characters", [{ path: "Idempotency-Key", message: "invalid" }]);
  }
  const db = getDb();
  const hash = createHash("sha256").update(JSON.stringify(request)).digest("hex");
  await db
    .delete(notificationRequests)
    .where(and(eq(notificationRequests.organizationId, organizationId), eq(notificationRequests.idempotencyKey, key), lt(notificationRequests.createdAt, sql`now() - make_interval(hours => ${KEY_TTL_HOURS})`)));
  const [claimed] = await db.insert(notificationRequests).values({ organizationId, idempotencyKey: key, requestHash: hash }).onConflictDoNothing().returning({ id: notificationRequests.id });
  if (claimed) return finish(claimed.id, run);

  const deadline = Date.now() + IN_FLIGHT_POLL_MS;
  for (;;) {
    const [row] = await db.select().from(notificationRequests).where(and(eq(notificationRequests.organizationId, organizationId), eq(notificationRequests.idempotencyKey, key)));
    if (!row) return runIdempotent(organizationId, key, request, run); // expired and deleted meanwhile: claim anew
    if (row.requestHash !== hash) throw new AppError("conflict", "This Idempotency-Key was already used with a different request", [{ path: "Idempotency-Key", message: "reused" }]);
    if (row.response && row.responseStatus) return { status: row.responseStatus, body: row.response, replayed: true };
    const [takeover] = await db
      .update(notificationRequests)
      .set({ createdAt: new Date() })
      .where(and(eq(notificationRequests.id, row.id), isNull(notificationRequests.response), lt(notificationRequests.createdAt, sql`now() - make_interval(secs => ${ABANDONED_AFTER_S})`)))
      .returning({ id: notificationRequests.id });
    if (takeover) return finish(takeover.id, run);
    if (Date.now() > deadline) throw new AppError("conflict", "A request with this Idempotency-Key is still being processed; retry in a moment", [{ path: "Idempotency-Key", message: "in_progress" }]);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function finish(claimId: string, run: (messageKey: string) => Promise<Answer>): Promise<Answer> {
  const answer = await capture(() => run(`notification:${claimId}`));
  const db = getDb();
  if (answer.status >= 500) await db.delete(notificationRequests).where(eq(notificationRequests.id, claimId));
  else await db.update(notificationRequests).set({ responseStatus: answer.status, response: answer.body }).where(eq(notificationRequests.id, claimId));
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
