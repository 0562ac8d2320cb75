import { createHash, randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { attachments, channels, messages, type Attachment } from "@/db/schema";
import { downloadEvolutionMedia } from "@/lib/evolution/download-evolution-media";
import { GraphApiError } from "@/lib/whatsapp/graph/graph-error";
import { graphClientForChannel } from "@/lib/whatsapp/graph/graph-client-for-channel";
import { checkMedia, isMediaKind } from "./check-media";
import { mediaOf } from "./media-of";
import { mediaKey, type MediaStorage } from "./media-storage";
import { sniffMediaType } from "./sniff-media-type";

/** A failure that retrying cannot fix (no such media, token rejected, channel gone…). */
export class PermanentMediaError extends Error {
  override name = "PermanentMediaError";
}

export type MediaOutcome =
  | { status: "skipped"; reason: string }
  | { status: Attachment["status"]; attachmentId: string; reason: string | null };

async function loadMessage(db: Db, organizationId: string, messageId: string) {
  const [message] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId)));
  return message;
}

/**
 * Downloads, sniffs, checks and stores the media of one inbound message, then records the attachment and points
 * the message at it (`content.media = { attachmentId, status }`). Idempotent: an attachment already `stored` or
 * `blocked` is returned as is; a `failed` one is tried again (a replay). Graph errors that retrying cannot fix
 * become PermanentMediaError; every other error is thrown for the caller's retry policy.
 */
export async function downloadInboundMedia(
  db: Db,
  args: { organizationId: string; messageId: string; storage: MediaStorage },
): Promise<MediaOutcome> {
  const { organizationId, messageId, storage } = args;
  const message = await loadMessage(db, organizationId, messageId);
  if (!message) return { status: "skipped", reason: "message not found" };
  const media = mediaOf(message);
  if (!media || !isMediaKind(media.kind)) return { status: "skipped", reason: `no media in a ${message.type} message` };

  const [existing] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.messageId, messageId), eq(attachments.waMediaId, media.waMediaId)));
  if (existing && existing.status !== "failed") {
    await pointMessageAt(db, organizationId, messageId, existing);
    return { status: existing.status, attachmentId: existing.id, reason: existing.blockReason };
  }

  const [channel] = await db
    .select()
    .from(channels)
    .where(and(eq(channels.organizationId, organizationId), eq(channels.id, message.channelId)));
  if (!channel) throw new PermanentMediaError("The channel no longer exists");
  if (!channel.accessTokenEncrypted) throw new PermanentMediaError("The channel has no access token");

  let data: Uint8Array;
  try {
    // An Evolution number's gateway decrypts the media by the message's key id; Meta's by the media id.
    ({ data } = channel.provider === "evolution" ? await downloadEvolutionMedia(channel, media.waMediaId) : await graphClientForChannel(channel).downloadMedia(media.waMediaId));
  } catch (err) {
    if (!(err instanceof GraphApiError)) throw err;
    const what = `${err.httpStatus ? `HTTP ${err.httpStatus}` : "no answer"}${err.code ? `, code ${err.code}` : ""}`;
    if (err.retry === "never") throw new PermanentMediaError(`Graph API refused the download (${what}): ${err.title}`);
    // Retryable (5xx, timeout, network): the caller's retry policy applies. GET is safe to repeat.
    throw new Error(`Graph API download failed (${what}): ${err.title}`, { cause: err });
  }

  const sniffed = await sniffMediaType(data);
  const check = checkMedia({ kind: media.kind, declaredMime: media.declaredMime, bytes: data, sniffed, animated: media.animated });
  const storageKey = check.ok ? mediaKey(organizationId, randomUUID(), check.ext) : null;
  if (storageKey && check.ok) await storage.put(storageKey, data, check.contentType);

  const values = {
    declaredMime: media.declaredMime,
    sniffedMime: check.ok ? check.contentType : (sniffed?.mime ?? null),
    filename: media.filename,
    sizeBytes: data.length,
    sha256: createHash("sha256").update(data).digest("hex"),
    storageKey,
    status: check.ok ? ("stored" as const) : ("blocked" as const),
    blockReason: check.ok ? null : check.reason,
  };
  const row = await db.transaction(async (tx) => {
    const [written] = await tx
      .insert(attachments)
      .values({ organizationId, messageId, waMediaId: media.waMediaId, ...values })
      .onConflictDoUpdate({
        target: [attachments.messageId, attachments.waMediaId],
        set: { ...values, updatedAt: new Date() },
        // Never overwrite a final outcome (a concurrent run got there first).
        setWhere: sql`${attachments.status} = 'failed'`,
      })
      .returning();
    if (written) await pointMessageAt(tx, organizationId, messageId, written);
    return written;
  });
  if (row) return { status: row.status, attachmentId: row.id, reason: row.blockReason };

  // Lost a race with another run: keep its outcome, drop our copy.
  if (storageKey) await storage.delete(storageKey);
  const [winner] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.messageId, messageId), eq(attachments.waMediaId, media.waMediaId)));
  await pointMessageAt(db, organizationId, messageId, winner);
  return { status: winner.status, attachmentId: winner.id, reason: winner.blockReason };
}

/** After the last retry: the attachment is `failed` with the reason. The message itself is untouched otherwise. */
export async function recordMediaFailure(
  db: Db,
  args: { organizationId: string; messageId: string; reason: string },
): Promise<MediaOutcome> {
  const { organizationId, messageId } = args;
  const message = await loadMessage(db, organizationId, messageId);
  if (!message) return { status: "skipped", reason: "message not found" };
  const media = mediaOf(message);
  if (!media) return { status: "skipped", reason: `no media in a ${message.type} message` };
  const reason = args.reason.slice(0, 1000);
  return db.transaction(async (tx) => {
    const values = { declaredMime: media.declaredMime, filename: media.filename, status: "failed" as const, blockReason: reason, storageKey: null };
    const [written] = await tx
      .insert(attachments)
      .values({ organizationId, messageId, waMediaId: media.waMediaId, ...values })
      .onConflictDoUpdate({
        target: [attachments.messageId, attachments.waMediaId],
        set: { ...values, updatedAt: new Date() },
        setWhere: sql`${attachments.status} = 'failed'`,
      })
      .returning();
    const row =
      written ??
      (await tx.select().from(attachments).where(and(eq(attachments.messageId, messageId), eq(attachments.waMediaId, media.waMediaId))))[0];
    await pointMessageAt(tx, organizationId, messageId, row);
    return { status: row.status, attachmentId: row.id, reason: row.blockReason };
  });
}

async function pointMessageAt(db: Pick<Db, "update">, organizationId: string, messageId: string, a: Attachment) {
  const media = JSON.stringify({ attachmentId: a.id, status: a.status, ...(a.blockReason ? { reason: a.blockReason } : {}) });
  await db
    .update(messages)
    .set({ content: sql`jsonb_set(${messages.content}, '{media}', ${media}::jsonb)` })
    .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId)));
}
