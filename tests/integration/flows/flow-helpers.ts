import { randomBytes } from "node:crypto";
import { and, asc, eq, max } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, conversations, flowSessions, flowVersions, flows, messages } from "@/db/schema";
import type { GraphMock } from "@/tests/support/graph-mock";
import { postToChannel, textWebhook, type TestChannel } from "@/tests/integration/whatsapp/helpers";
import { waitFor } from "@/tests/support/executor/harness";

/** A flow with a draft (version 0) and `graph` published as version 1, active: what publishing leaves behind. */
export async function createPublishedFlow(organizationId: string, graph: unknown, opts: { name?: string; settings?: Record<string, unknown> } = {}) {
  const db = getDb();
  const [flow] = await db.insert(flows).values({ organizationId, name: opts.name ?? "Test flow", settings: opts.settings ?? {} }).returning();
  await db.insert(flowVersions).values({ organizationId, flowId: flow.id, version: 0, graph: graph as Record<string, unknown> });
  const versionId = await publishVersion(organizationId, flow.id, graph);
  return { flowId: flow.id, versionId };
}

/** Publishes `graph` as the next version of the flow. */
export async function publishVersion(organizationId: string, flowId: string, graph: unknown): Promise<string> {
  const db = getDb();
  const [{ latest }] = await db.select({ latest: max(flowVersions.version) }).from(flowVersions).where(eq(flowVersions.flowId, flowId));
  const [v] = await db
    .insert(flowVersions)
    .values({ organizationId, flowId, version: (latest ?? 0) + 1, graph: graph as Record<string, unknown>, publishedAt: new Date() })
    .returning();
  await db.update(flows).set({ publishedVersionId: v.id, status: "active" }).where(eq(flows.id, flowId));
  return v.id;
}

let clockTs = Math.floor(Date.now() / 1000);
export const newCustomer = () => `55119${Array.from(randomBytes(8), (b) => String(b % 10)).join("")}`;

/** Meta's webhook body for one text from the customer `from`. */
export function customerMessage(ch: TestChannel, from: string, body: string): string {
  return textWebhook(ch.phoneNumberId, { id: `wamid.${randomBytes(12).toString("hex")}`, from, ts: ++clockTs, body, name: "Maria Silva" });
}

/** The customer `from` sends a text through the channel's signed webhook route (as Meta would). */
export async function customerSays(ch: TestChannel, from: string, body: string) {
  const res = await postToChannel(ch.channelId, customerMessage(ch, from, body));
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
}

/** The customer taps a reply button (interactive button_reply), through the signed webhook route. */
export async function customerTaps(ch: TestChannel, from: string, id: string, title: string) {
  const body = JSON.parse(textWebhook(ch.phoneNumberId, { id: `wamid.${randomBytes(12).toString("hex")}`, from, ts: ++clockTs, body: "x", name: "Maria Silva" }));
  const msg = body.entry[0].changes[0].value.messages[0];
  delete msg.text;
  msg.type = "interactive";
  msg.interactive = { type: "button_reply", button_reply: { id, title } };
  const res = await postToChannel(ch.channelId, JSON.stringify(body));
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
}

/** What the Graph API mock received for one customer, as short texts. */
export function repliesAtMock(mock: GraphMock, to: string): string[] {
  return mock.messages.filter((m) => m.to.replace(/\D/g, "") === to).map((m) => describe(m.body));
}

function describe(body: Record<string, unknown>): string {
  const b = body as { type: string; text?: { body: string }; interactive?: { type: string; body: { text: string } }; template?: { name: string } };
  if (b.type === "text") return b.text!.body;
  if (b.type === "interactive") return `[${b.interactive!.type}] ${b.interactive!.body.text}`;
  if (b.type === "template") return `[template] ${b.template!.name}`;
  return `[${b.type}]`;
}

/** Waits until the mock holds `n` messages for the customer, then returns them. */
export async function waitForReplies(mock: GraphMock, to: string, n: number, timeoutMs = 20_000) {
  await waitFor(() => repliesAtMock(mock, to).length >= n, `${n} replies to ${to} (have ${repliesAtMock(mock, to).join(" | ")})`, timeoutMs);
  return repliesAtMock(mock, to);
}

/** The bot's messages stored for the customer's conversation, in the order they were queued. */
export async function botMessagesOf(organizationId: string, waId: string): Promise<string[]> {
  const rows = await getDb()
    .select({ content: messages.content, type: messages.type })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(messages.organizationId, organizationId), eq(contacts.waId, waId), eq(messages.sender, "bot")))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return rows.map((r) => {
    const c = r.content as { body?: string; text?: { body?: string } };
    return c.body ?? c.text?.body ?? `[${r.type}]`;
  });
}

export async function conversationOf(organizationId: string, waId: string) {
  const [row] = await getDb()
    .select({ conversation: conversations })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.organizationId, organizationId), eq(contacts.waId, waId)));
  return row?.conversation;
}

export async function sessionsOf(conversationId: string) {
  return getDb().select().from(flowSessions).where(eq(flowSessions.conversationId, conversationId)).orderBy(asc(flowSessions.createdAt));
}

/** The customer's messages as stored (arrival order). */
export async function inboundTextsOf(organizationId: string, waId: string): Promise<string[]> {
  const rows = await getDb()
    .select({ content: messages.content })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(messages.organizationId, organizationId), eq(contacts.waId, waId), eq(messages.direction, "inbound")))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return rows.map((r) => (r.content as { text?: { body?: string } }).text?.body ?? "");
}
