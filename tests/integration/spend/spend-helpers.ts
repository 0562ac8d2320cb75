import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, conversations, messageCosts, messages, spendDaily, templates } from "@/db/schema";
import { applyStatus } from "@/lib/whatsapp/ingest/apply-status";
import { messageStatusSchema } from "@/lib/whatsapp/webhook/status-schema";
import { randomDigits, type TestChannel } from "@/tests/integration/whatsapp/helpers";

let seq = 0;
export const wamid = () => `wamid.SPEND${Date.now()}${seq++}`;
export const unix = (iso: string) => String(Math.floor(Date.parse(iso) / 1000));

/** An outbound message to `phone` as the send path stores it (queued, with its wamid), in its own conversation. */
export async function outbound(
  ch: TestChannel,
  opts: { phone: string; template?: { name: string; category: string }; windowExpiresAt?: Date | null; sender?: "user" | "bot" | "campaign" },
) {
  const db = getDb();
  const [contact] = await db
    .insert(contacts)
    .values({ organizationId: ch.organizationId, channelId: ch.channelId, waId: opts.phone.replace(/\D/g, "") + randomDigits(3), phoneE164: opts.phone })
    .returning();
  const [conversation] = await db
    .insert(conversations)
    .values({ organizationId: ch.organizationId, channelId: ch.channelId, contactId: contact.id, windowExpiresAt: opts.windowExpiresAt ?? null })
    .returning();
  if (opts.template) {
    await db
      .insert(templates)
      .values({ organizationId: ch.organizationId, wabaId: ch.wabaId, name: opts.template.name, language: "pt_BR", category: opts.template.category, status: "APPROVED", components: [{ type: "BODY", text: "Olá" }] })
      .onConflictDoNothing();
  }
  const id = wamid();
  const [message] = await db
    .insert(messages)
    .values({
      organizationId: ch.organizationId,
      channelId: ch.channelId,
      conversationId: conversation.id,
      direction: "outbound",
      type: opts.template ? "template" : "text",
      content: opts.template ? { type: "template", name: opts.template.name, language: "pt_BR" } : { type: "text", text: { body: "Olá" } },
      waMessageId: id,
      status: "queued",
      sender: opts.sender ?? "user",
    })
    .returning();
  return { message, wamid: id };
}

/** Applies statuses exactly as the webhook ingest does: each in its own transaction, through applyStatus. */
export async function applyStatuses(ch: TestChannel, statuses: Record<string, unknown>[]) {
  for (const s of statuses) {
    await getDb().transaction((tx) => applyStatus(tx, { organizationId: ch.organizationId, channelId: ch.channelId, status: messageStatusSchema.parse(s) }));
  }
}

export async function costsOf(messageId: string) {
  return getDb().select().from(messageCosts).where(eq(messageCosts.messageId, messageId));
}

/** The rollup's totals for one organization (messages, charged, list) — must always equal the records'. */
export async function rollupTotals(organizationId: string) {
  const [r] = await getDb()
    .select({
      messages: sql<string>`coalesce(sum(${spendDaily.messages}), 0)`,
      amount: sql<string>`coalesce(sum(${spendDaily.amountMicros}), 0)`,
      list: sql<string>`coalesce(sum(${spendDaily.listMicros}), 0)`,
    })
    .from(spendDaily)
    .where(eq(spendDaily.organizationId, organizationId));
  const [c] = await getDb()
    .select({
      messages: sql<string>`count(*)`,
      amount: sql<string>`coalesce(sum(${messageCosts.amountMicros}), 0)`,
      list: sql<string>`coalesce(sum(${messageCosts.listMicros}), 0)`,
    })
    .from(messageCosts)
    .where(and(eq(messageCosts.organizationId, organizationId), sql`${messageCosts.chargeKind} <> 'failed'`));
  return { rollup: { messages: Number(r.messages), amount: Number(r.amount), list: Number(r.list) }, records: { messages: Number(c.messages), amount: Number(c.amount), list: Number(c.list) } };
}
