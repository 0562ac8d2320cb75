import { createHash } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import {
  attachments,
  auditLog,
  contactConsentEvents,
  contacts,
  conversationEvents,
  conversations,
  flowSessions,
  messages,
  realtimeEvents,
  webhookEvents,
} from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { conflict, notFound } from "@/lib/errors";
import { log } from "@/lib/log/logger";
import { mediaStorageFor } from "@/lib/media/media-storage-for";

const ERASED = { erased: true };
const ERASED_BYTES = new TextEncoder().encode(JSON.stringify({ erased: true, reason: "data-subject erasure (issue #12)" }));

/** SHA-256 of the identity an erased contact had: enough to recognise the person writing again, not to recover them. */
export function erasedIdentityHash(organizationId: string, channelId: string, identity: string): string {
  return createHash("sha256").update(`${organizationId}:${channelId}:${identity}`).digest("hex");
}

/**
 * A data-subject erasure request (LGPD art. 18, GDPR art. 17), in one transaction, audited:
 * - the contact keeps its row (so counts, conversations and campaign statistics stay right) without name, profile
 *   name, phone, wa_id, BSUID, e-mail, attributes; `erased_at` set and the identity kept only as a hash;
 * - every message of its conversations (both directions) loses its body, caption, media reference and context
 *   (`content = {"erased": true}`; type, direction, status, times and pricing stay); their attachments lose file
 *   name and hash and the stored files are deleted after commit;
 * - conversation previews, inbox notes and event bodies, realtime catch-up payloads, flow session state (live
 *   sessions end), consent evidence and the contact's audit metadata are cleared;
 * - webhook_events rows whose raw body names the person's wa_id or BSUID have the raw body replaced by a marker
 *   (a batched webhook that also held other customers loses its raw copy too: the items were applied long ago).
 * Not touched: executor run history (inngest_* step outputs may hold bot texts until prune-run-history removes
 * them by retention) and logs.
 *
 * A later message from the same person is a NEW contact (ingest finds no identity to match); the contact page
 * shows that an erased contact had the same identity (erasedIdentityHash), so it does not resurrect silently.
 */
export async function eraseContact(ctx: OrgContext, contactId: string) {
  const orgId = ctx.org.id;
  const storageKeys: string[] = [];
  const counts = await getDb().transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.organizationId, orgId), eq(contacts.id, contactId), isNull(contacts.deletedAt)))
      .for("update");
    if (!c) throw notFound("Contact");
    if (c.erasedAt) throw conflict("This contact was already erased");
    const identities = [c.waId, c.userId, c.phoneE164?.replace(/^\+/, "")].filter((v): v is string => !!v && v.length >= 6);
    const convIds = (
      await tx.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.organizationId, orgId), eq(conversations.contactId, contactId)))
    ).map((r) => r.id);

    let messageCount = 0;
    if (convIds.length) {
      const msgs = await tx
        .update(messages)
        .set({ content: ERASED, errorDetails: null })
        .where(and(eq(messages.organizationId, orgId), inArray(messages.conversationId, convIds)))
        .returning({ id: messages.id });
      messageCount = msgs.length;
      const files = await tx
        .select({ id: attachments.id, storageKey: attachments.storageKey })
        .from(attachments)
        .innerJoin(messages, eq(messages.id, attachments.messageId))
        .where(and(eq(attachments.organizationId, orgId), inArray(messages.conversationId, convIds)));
      if (files.length) {
        await tx
          .update(attachments)
          .set({ filename: null, sha256: null, storageKey: null, status: "failed", blockReason: "Erased (data-subject request)" })
          .where(and(eq(attachments.organizationId, orgId), inArray(attachments.id, files.map((f) => f.id))));
        storageKeys.push(...files.flatMap((f) => (f.storageKey ? [f.storageKey] : [])));
      }
      await tx.update(conversations).set({ lastMessagePreview: null }).where(and(eq(conversations.organizationId, orgId), inArray(conversations.id, convIds)));
      await tx
        .update(conversationEvents)
        .set({ body: null, data: ERASED })
        .where(and(eq(conversationEvents.organizationId, orgId), inArray(conversationEvents.conversationId, convIds)));
      await tx.delete(realtimeEvents).where(and(eq(realtimeEvents.organizationId, orgId), inArray(realtimeEvents.conversationId, convIds)));
      await tx
        .update(flowSessions)
        // A live session ends here: its state (variables, answers, stored plans) is what gets erased.
        .set({ state: ERASED, status: sql`case when ${flowSessions.status} in ('active', 'waiting') then 'completed'::flow_session_status else ${flowSessions.status} end` })
        .where(and(eq(flowSessions.organizationId, orgId), inArray(flowSessions.conversationId, convIds)));
    }
    let webhookCount = 0;
    for (const identity of identities) {
      const rows = await tx
        .update(webhookEvents)
        .set({ rawBody: ERASED_BYTES })
        .where(and(eq(webhookEvents.organizationId, orgId), sql`position(convert_to(${identity}, 'UTF8') in ${webhookEvents.rawBody}) > 0`))
        .returning({ id: webhookEvents.id });
      webhookCount += rows.length;
    }
    await tx.update(contactConsentEvents).set({ evidence: ERASED }).where(and(eq(contactConsentEvents.organizationId, orgId), eq(contactConsentEvents.contactId, contactId)));
    await tx
      .update(auditLog)
      .set({ metadata: ERASED })
      .where(and(eq(auditLog.organizationId, orgId), eq(auditLog.targetType, "contact"), eq(auditLog.targetId, contactId)));
    const identity = c.waId ?? c.userId ?? c.phoneE164;
    await tx
      .update(contacts)
      .set({
        name: null,
        profileName: null,
        waId: null,
        userId: null,
        phoneE164: null,
        email: null,
        attributes: {},
        botEnabled: false,
        erasedAt: new Date(),
        erasedIdentityHash: identity ? erasedIdentityHash(orgId, c.channelId, identity) : null,
      })
      .where(and(eq(contacts.organizationId, orgId), eq(contacts.id, contactId)));
    const result = { conversations: convIds.length, messages: messageCount, webhookEvents: webhookCount };
    await recordAudit(tx, ctx, { action: "contact.erase", targetType: "contact", targetId: contactId, metadata: result });
    return result;
  });
  await deleteFiles(orgId, storageKeys);
  return counts;
}

async function deleteFiles(organizationId: string, keys: string[]) {
  const storage = mediaStorageFor();
  for (const key of keys) {
    try {
      await storage.delete(key);
    } catch (err) {
      log.error({ err }, `erase: could not delete a media file of organization ${organizationId}`);
    }
  }
}
