import { and, desc, eq, inArray, isNotNull, or } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, contacts, conversations, messages, templates, type Channel } from "@/db/schema";
import { toTemplateView, type TemplateView } from "@/lib/whatsapp/templates/template-view";
import { normalizePhone } from "@/lib/whatsapp/normalize-phone";

export type SandboxCustomerView = { contactId: string; name: string | null; phone: string };

export type SandboxMessageView = {
  id: string;
  conversationId: string;
  direction: "inbound" | "outbound";
  type: string;
  content: Record<string, unknown>;
  waMessageId: string | null;
  status: string;
  errorTitle: string | null;
  createdAt: string;
  /** For a template message: the synced template (null when unknown), so the phone can show it filled in. */
  template?: TemplateView | null;
};

/** The channel's contacts that have a phone: the simulated customers, most recently active first. */
export async function listSandboxCustomers(channel: Pick<Channel, "id" | "organizationId">): Promise<SandboxCustomerView[]> {
  const rows = await getDb()
    .select({ contactId: contacts.id, name: contacts.profileName, phoneE164: contacts.phoneE164, waId: contacts.waId })
    .from(contacts)
    .where(and(eq(contacts.organizationId, channel.organizationId), eq(contacts.channelId, channel.id), or(isNotNull(contacts.waId), isNotNull(contacts.phoneE164))))
    .orderBy(desc(contacts.updatedAt))
    .limit(200);
  return rows.map((r) => ({ contactId: r.contactId, name: r.name, phone: (r.waId ?? r.phoneE164 ?? "").replace(/\D/g, "") }));
}

/**
 * Everything in the customer's WhatsApp chat with this number: the messages of all of the contact's conversations
 * on the channel, oldest first (the latest 300). Empty when the customer has not written yet.
 */
export async function getSandboxChat(channel: Pick<Channel, "id" | "organizationId">, phone: string): Promise<SandboxMessageView[]> {
  const db = getDb();
  const digits = phone.replace(/\D/g, "");
  const e164 = normalizePhone(digits);
  const found = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.organizationId, channel.organizationId),
        eq(contacts.channelId, channel.id),
        or(eq(contacts.waId, digits), ...(e164 ? [eq(contacts.phoneE164, e164)] : [])),
      ),
    );
  if (!found.length) return [];
  const rows = await db
    .select({
      id: messages.id,
      conversationId: messages.conversationId,
      direction: messages.direction,
      type: messages.type,
      content: messages.content,
      waMessageId: messages.waMessageId,
      status: messages.status,
      errorTitle: messages.errorTitle,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        eq(messages.organizationId, channel.organizationId),
        eq(messages.channelId, channel.id),
        inArray(
          conversations.contactId,
          found.map((c) => c.id),
        ),
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(300);
  const views: SandboxMessageView[] = rows.reverse().map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  return withTemplates(channel, views);
}

/** Attaches the synced template to each outbound template message (one query for the whole chat). */
async function withTemplates(channel: Pick<Channel, "id" | "organizationId">, views: SandboxMessageView[]): Promise<SandboxMessageView[]> {
  const sent = views.filter((v) => v.direction === "outbound" && v.type === "template" && typeof v.content.name === "string");
  if (!sent.length) return views;
  const rows = await getDb()
    .select({ template: templates })
    .from(channels)
    .innerJoin(templates, and(eq(templates.organizationId, channels.organizationId), eq(templates.wabaId, channels.wabaId)))
    .where(
      and(
        eq(channels.organizationId, channel.organizationId),
        eq(channels.id, channel.id),
        inArray(templates.name, [...new Set(sent.map((v) => v.content.name as string))]),
      ),
    );
  const byKey = new Map(rows.map(({ template }) => [`${template.name}\u0000${template.language}`, toTemplateView(template)]));
  return views.map((v) => (sent.includes(v) ? { ...v, template: byKey.get(`${v.content.name}\u0000${v.content.language}`) ?? null } : v));
}

