import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { parseEnvelope } from "./parse-envelope";
import { webhookOrderingKey } from "./webhook-ordering-key";

/** A stored row is stale when it is still `received` this long after arriving and its event was never stored. */
export const STALE_AFTER_MS = 2 * 60_000;

export type StaleWebhook = { webhookEventId: string; organizationId: string; orderingKey: string };

/**
 * Rows stored but never handed off: still `received` after STALE_AFTER_MS (and less than a day old) with no
 * `papo/webhook.received` event under their id in the embedded executor's table. With the embedded executor the row
 * and its event commit together, so this finds nothing unless a row predates that; with Inngest Cloud or a
 * self-hosted server (whose events live elsewhere, so the table is empty) it finds rows whose send failed or never
 * happened (the process died after the commit) — and rows still waiting in a backlog, which is harmless: the
 * event id is the row's, so a second send starts nothing.
 */
export async function findStaleWebhooks(db: Db, now: Date, limit = 500): Promise<StaleWebhook[]> {
  const res = (await db.execute(
    sql`select w.id, w.organization_id, w.channel_id, w.raw_body from webhook_events w
        where w.status = 'received' and w.organization_id is not null
          and w.received_at < ${new Date(now.getTime() - STALE_AFTER_MS).toISOString()}::timestamptz
          and w.received_at > ${new Date(now.getTime() - 24 * 3_600_000).toISOString()}::timestamptz
          and not exists (select 1 from inngest_events e where e.id = 'webhook-' || w.id::text)
        order by w.received_at
        limit ${limit}`,
  )) as unknown;
  // postgres.js returns the rows, PGlite `{ rows }`.
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as { id: string; organization_id: string; channel_id: string | null; raw_body: Uint8Array }[];
  return rows.map((r) => {
    const parsed = parseEnvelope(new Uint8Array(r.raw_body));
    const changes = parsed.ok
      ? parsed.envelope.entry.flatMap((e) => e.changes.map((c) => ({ field: c.field, value: c.value, channelId: r.channel_id })))
      : [];
    return { webhookEventId: r.id, organizationId: r.organization_id, orderingKey: webhookOrderingKey(r.organization_id, changes) };
  });
}
