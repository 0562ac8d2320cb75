import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, contacts, conversations, type Channel, type Contact, type Conversation } from "@/db/schema";
import { proactiveChannelFor } from "@/lib/channels/proactive-channel-for";
import { AppError, notFound } from "@/lib/errors";
import { providerCapabilities } from "@/lib/messages/providers/provider-capabilities";
import { normalizePhone } from "@/lib/whatsapp/normalize-phone";
import { findOrCreateConversation } from "@/lib/whatsapp/ingest/find-or-create-conversation";
import { identityLockKeys, lockContactIdentities } from "@/lib/whatsapp/ingest/lock-contact-identities";
import { upsertContact } from "@/lib/whatsapp/ingest/upsert-contact";

export type Recipient = { channel: Channel; contact: Contact; conversation: Conversation };

/**
 * The business number, contact and conversation a notification goes through: the chosen channel, the
 * organization's proactive number, or its first active one; the contact found or created like the inbound side does it (phone normalised,
 * Brazilian ninth digit folded, under the same identity locks, so a customer writing at the same moment stays one
 * contact); its open conversation, or a new one — so the message shows in the inbox like any other.
 */
export async function resolveRecipient(
  organizationId: string,
  to: { phone?: string; userId?: string },
  channelId?: string,
  opts: { needsTemplates?: boolean } = {},
): Promise<Recipient> {
  const db = getDb();
  const channel = await pickChannel(organizationId, channelId, opts.needsTemplates ?? false);
  const phoneE164 = to.phone ? normalizePhone(to.phone) : null;
  if (to.phone && !phoneE164) throw new AppError("invalid_input", "Not a phone number", [{ path: "to", message: "Give the number with its country code, like +55 11 98765-4321" }]);
  const who = { waId: phoneE164 ? phoneE164.slice(1) : null, phoneE164, userId: to.userId ?? null };
  return db.transaction(async (tx) => {
    await lockContactIdentities(tx, identityLockKeys(channel.id, who));
    const upserted = await upsertContact(tx, { organizationId, channelId: channel.id, ...who, profileName: null, inboundAt: null });
    const contactId = upserted.id;
    // A contact created in this transaction is ours alone; an existing one is locked like ingest does.
    if (!upserted.created) await lockContactIdentities(tx, [`contact:${contactId}`]);
    const { id: conversationId } = await findOrCreateConversation(tx, { organizationId, channelId: channel.id, contactId, at: new Date(), reopens: true });
    const [contact] = await tx.select().from(contacts).where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, contactId)));
    const [conversation] = await tx.select().from(conversations).where(and(eq(conversations.organizationId, organizationId), eq(conversations.id, conversationId)));
    return { channel, contact, conversation };
  });
}

/**
 * The named channel; else the organization's proactive number (its routing rule, lib/channels) when it can carry
 * the message — a template needs an official number, so a template notice skips an Evolution proactive number —
 * else the first active number.
 */
async function pickChannel(organizationId: string, channelId: string | undefined, needsTemplates: boolean): Promise<Channel> {
  if (!channelId) {
    const proactive = await proactiveChannelFor(organizationId);
    if (proactive && (!needsTemplates || providerCapabilities(proactive.provider).templates)) return proactive;
  }
  const where = [eq(channels.organizationId, organizationId), isNull(channels.deletedAt)];
  if (channelId) where.push(eq(channels.id, channelId));
  else where.push(eq(channels.status, "active"));
  const [channel] = await getDb().select().from(channels).where(and(...where)).orderBy(asc(channels.createdAt)).limit(1);
  if (!channel) throw channelId ? notFound("Channel") : new AppError("conflict", "This organization has no active WhatsApp number to send from", [{ path: "channelId", message: "no_channel" }]);
  return channel;
}
