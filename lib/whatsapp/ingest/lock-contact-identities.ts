import { sql } from "drizzle-orm";
import type { Db } from "@/db";

/**
 * Transaction-level advisory locks on a contact's identities (`<channel>:phone:<E.164>`, `<channel>:user:<BSUID>`,
 * `<channel>:wa:<wa_id>`, or `contact:<id>`), taken in sorted order so two transactions never wait on each other
 * in opposite orders. process-webhook-event runs different customers in parallel; these locks make the
 * find-then-create of a contact and of its conversation safe even when two webhooks for one person run at once
 * (e.g. one keyed by phone, one by user id). Released at commit or rollback. One statement whatever their number.
 */
export async function lockContactIdentities(tx: Db, keys: (string | null | undefined)[]): Promise<void> {
  const sorted = [...new Set(keys.filter((k): k is string => !!k))].sort();
  if (sorted.length === 1) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${sorted[0]}, 0))`);
  // All of them in one statement, in the array's (sorted) order, as the executor's claim takes its keys.
  else if (sorted.length > 1) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(array[${sql.join(sorted.map((k) => sql`${k}`), sql`, `)}]::text[]) as k`);
}

/** The lock keys of one person's identities on a channel (any of them may be null). */
export function identityLockKeys(channelId: string, who: { waId?: string | null; phoneE164?: string | null; userId?: string | null }): string[] {
  return [
    who.phoneE164 ? `${channelId}:phone:${who.phoneE164}` : null,
    who.waId ? `${channelId}:wa:${who.waId}` : null,
    who.userId ? `${channelId}:user:${who.userId}` : null,
  ].filter((k): k is string => k !== null);
}
