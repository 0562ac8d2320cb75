import { and, desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { auditLog, channels, type Channel } from "@/db/schema";
import { log } from "@/lib/log/logger";
import { publishInboxEvent } from "@/lib/realtime/publish-inbox-event";
import { enqueueInTransaction, type JobEvent } from "@/lib/jobs";
import { channelConnectionChanged } from "./channel-connection-changed";
import { phoneOfJid } from "./evolution-party";

/** What a push about the connection may announce: the open connection dropped, or came back after a drop. */
export type ConnectionAlert = "connection_lost" | "connection_restored";

export type ConnectionChange = { kind: "state"; state: "open" | "connecting" | "close" | "refused"; statusReason?: number; wuid?: string | null } | { kind: "qr"; base64: string | null };

/** What a channel shows of its gateway connection (also the `channel.updated` payload). */
export type ChannelConnectionView = {
  id: string;
  connectionState: Channel["connectionState"];
  connectionStateAt: string | null;
  qrCode: string | null;
  displayPhoneNumber: string;
};

/**
 * Applies a CONNECTION_UPDATE or QRCODE_UPDATED to the channel (state, QR code, the linked number), then pushes
 * `channel.updated` to the organization. When an open connection drops, the same transaction records a
 * `channel.connection_lost` alert in the audit log and the push carries `alert: "connection_lost"`, so the team sees
 * it live and later; when it opens again after a drop, `channel.connection_restored` likewise. Either change is also
 * announced as papo/channel.connection-changed (lib/evolution/channel-connection-changed.ts) for whoever must tell people.
 * Idempotent: the same update twice changes nothing and alerts once.
 */
export async function applyEvolutionConnection(channel: Pick<Channel, "id" | "organizationId">, change: ConnectionChange): Promise<ChannelConnectionView | null> {
  const now = new Date();
  // The change, its audit entry and (for a drop or a return) the announcement commit together.
  const result = await enqueueInTransaction(async (tx) => {
    const out = await applyInTx(tx, channel, change, now);
    const events: JobEvent[] = out?.alert ? [channelConnectionChanged(out.row, out.alert === "connection_lost" ? "dropped" : "restored")] : [];
    return { result: out, events };
  });
  if (!result) return null;
  const view = connectionView(result.row);
  if (result.changed) {
    if (result.alert) log.warn({ channelId: channel.id, alert: result.alert }, result.alert === "connection_lost" ? "evolution number disconnected" : "evolution number reconnected");
    try {
      await publishInboxEvent({ organizationId: channel.organizationId, conversationId: null, type: "channel.updated", payload: { channel: view, ...(result.alert && { alert: result.alert }) } });
    } catch (err) {
      // A lost push is caught up from the stored state (the channel page reads it); never fail the webhook for it.
      log.error({ err }, "channel.updated not pushed");
    }
  }
  return view;
}

async function applyInTx(tx: Tx, channel: Pick<Channel, "id" | "organizationId">, change: ConnectionChange, now: Date) {
  const [current] = await tx
    .select()
    .from(channels)
    .where(and(eq(channels.organizationId, channel.organizationId), eq(channels.id, channel.id)))
    .for("update");
  if (!current) return null;
  let set: Partial<typeof channels.$inferInsert>;
  let alert: ConnectionAlert | null = null;
  if (change.kind === "qr") {
    if (current.connectionState === "open") return { row: current, alert, changed: false };
    set = { qrCode: change.base64, qrCodeAt: now, connectionState: "connecting", connectionStateAt: now };
  } else {
    const state = change.state === "refused" ? "close" : change.state;
    const phone = state === "open" ? phoneOfJid(change.wuid ?? null) : null;
    if (state === current.connectionState && (!phone || `+${phone}` === current.displayPhoneNumber)) return { row: current, alert, changed: false };
    set = { connectionState: state, connectionStateAt: now, ...(state === "open" && { qrCode: null, qrCodeAt: null }), ...(phone && { displayPhoneNumber: `+${phone}`, verifiedDisplayPhoneNumber: `+${phone}` }) };
    if (current.connectionState === "open" && state === "close") alert = "connection_lost";
    // Back after a drop (not the first link): the last word in the audit log about this number was a loss.
    else if (state === "open" && (await lastConnectionAlert(tx, current)) === "channel.connection_lost") alert = "connection_restored";
    if (alert) {
      await tx.insert(auditLog).values({
        organizationId: channel.organizationId,
        action: `channel.${alert}`,
        targetType: "channel",
        targetId: channel.id,
        metadata: { name: current.name, statusReason: change.statusReason ?? null, instance: current.evolutionInstance },
      });
    }
  }
  const [row] = await tx.update(channels).set(set).where(eq(channels.id, channel.id)).returning();
  return { row, alert, changed: true };
}

export function connectionView(c: Channel): ChannelConnectionView {
  return { id: c.id, connectionState: c.connectionState, connectionStateAt: c.connectionStateAt?.toISOString() ?? null, qrCode: c.qrCode, displayPhoneNumber: c.displayPhoneNumber };
}

async function lastConnectionAlert(tx: Tx, c: Channel): Promise<string | null> {
  const [last] = await tx
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.organizationId, c.organizationId), eq(auditLog.targetId, c.id), inArray(auditLog.action, ["channel.connection_lost", "channel.connection_restored"])))
    .orderBy(desc(auditLog.createdAt))
    .limit(1);
  return last?.action ?? null;
}
