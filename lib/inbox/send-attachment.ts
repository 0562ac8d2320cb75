import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, conversations, messages } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { AppError, conflict, notFound } from "@/lib/errors";
import { checkMedia, type MediaKind } from "@/lib/media/check-media";
import { sniffMediaType, type SniffedType } from "@/lib/media/sniff-media-type";
import { parseOutboundContent } from "@/lib/messages/outbound-content";
import { graphClientForChannel } from "@/lib/whatsapp/graph/graph-client-for-channel";
import { GraphApiError } from "@/lib/whatsapp/graph/graph-error";
import { assertCanSendFreeform, OutsideWindowError } from "@/lib/whatsapp/window/can-send-freeform";
import { assertCanAct } from "./assert-can-act";
import { sendReply } from "./send-reply";
import type { MessageItem } from "./timeline-item";

export type AttachmentInput = {
  data: Uint8Array;
  /** What the browser declared; only trusted where the bytes cannot say (text/plain, legacy Office). */
  declaredType: string;
  filename: string;
  caption?: string;
  replyTo?: string;
  idempotencyKey?: string;
};

/**
 * An agent sends a file: the agent rule and the 24-hour window first (nothing is uploaded for a reply that could
 * not go out), then the type sniffed from the bytes and Meta's caps (MEDIA_RULES), the upload to the channel's
 * Graph API (Meta keeps the file 30 days under the returned id), and the media message by id through sendReply —
 * the same durable, idempotent path as text. A repeated idempotency key returns the first message without
 * uploading again.
 */
export async function sendAttachment(ctx: OrgContext, conversationId: string, input: AttachmentInput): Promise<{ message: MessageItem; created: boolean }> {
  const db = getDb();
  const [conversation] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.organizationId, ctx.org.id), eq(conversations.id, conversationId)));
  if (!conversation) throw notFound("Conversation");
  assertCanAct(ctx, conversation, "conversations.reply");

  if (input.idempotencyKey) {
    const [existing] = await db
      .select()
      .from(messages)
      .where(and(eq(messages.organizationId, ctx.org.id), eq(messages.idempotencyKey, input.idempotencyKey)));
    if (existing?.direction !== undefined && existing.direction !== "outbound") throw conflict("This idempotency key is already used by another message", "idempotencyKey");
    // sendReply finds the row by its key and answers it unchanged (created: false).
    if (existing) return sendReply(ctx, conversationId, { message: parseOutboundContent(existing.content).message, idempotencyKey: input.idempotencyKey });
  }

  try {
    assertCanSendFreeform(conversation, new Date());
  } catch (err) {
    if (err instanceof OutsideWindowError) throw new AppError("conflict", err.message, [{ path: "window", message: "outside_window" }]);
    throw err;
  }

  const sniffed = await sniffMediaType(input.data);
  const kind = kindOf(sniffed);
  const check = checkMedia({ kind, declaredMime: input.declaredType, bytes: input.data, sniffed });
  if (!check.ok) throw new AppError("invalid_input", check.reason, [{ path: "file", message: check.reason }]);

  const [channel] = await db
    .select()
    .from(channels)
    .where(and(eq(channels.organizationId, ctx.org.id), eq(channels.id, conversation.channelId)));
  if (!channel) throw notFound("Channel");
  const filename = safeFilename(input.filename, check.ext);
  let mediaId: string;
  try {
    ({ id: mediaId } = await graphClientForChannel(channel).uploadMedia({ data: input.data, mimeType: check.contentType, filename }));
  } catch (err) {
    // Meta refusing the file is the agent's to know; anything else (network, 5xx) is a plain 500.
    if (err instanceof GraphApiError && err.httpStatus !== null && err.httpStatus < 500) {
      throw new AppError("invalid_input", `WhatsApp did not accept the file: ${err.explanation}`, [{ path: "file", message: err.message }]);
    }
    throw err;
  }

  const caption = input.caption?.trim() || undefined;
  return sendReply(ctx, conversationId, {
    message: {
      type: kind,
      media: { id: mediaId },
      ...(caption && kind !== "audio" && { caption }),
      ...(kind === "document" && { filename }),
    },
    replyTo: input.replyTo,
    idempotencyKey: input.idempotencyKey,
  });
}

/** The message kind the bytes call for; anything that is not a picture, a video or a sound is a document. */
function kindOf(sniffed: SniffedType | undefined): Exclude<MediaKind, "sticker"> {
  const mime = sniffed?.mime ?? "";
  if (mime === "image/jpeg" || mime === "image/png") return "image";
  if (mime === "video/mp4" || mime === "video/3gpp") return "video";
  if (mime.startsWith("audio/")) return "audio";
  return "document";
}

/** The name the customer sees on a document: the agent's, without path parts, or `file.<ext>`. */
function safeFilename(name: string, ext: string): string {
  const base = name.split(/[\\/]/).pop()?.trim().slice(0, 240);
  return base || `file.${ext}`;
}
