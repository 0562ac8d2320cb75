import fs from "node:fs";
import path from "node:path";
import { createHmac, randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { query } from "@/inngest/executor/db";
import { getDb } from "@/db";
import { contacts, conversations, messages, webhookEvents } from "@/db/schema";
import { loadOrgContext } from "@/lib/auth/org-context";
import { channelVerifyToken } from "@/lib/channels/channel-verify-token";
import { createChannel } from "@/lib/channels/create-channel";
import { signUp } from "@/lib/users/sign-up";
import { POST as postChannelRoute, GET as getChannelRoute } from "@/app/api/webhooks/whatsapp/[channelId]/route";
import { POST as postSharedRoute } from "@/app/api/webhooks/whatsapp/route";
import { waitFor } from "@/tests/support/executor/harness";
import { registerPhoneNumber } from "@/tests/support/graph-mock";

export const FIXTURE_NUMBER = "118293746501928";
export const FIXTURE_WABA = "104857392018274";
export const APP_SECRET = "0123456789abcdef0123456789abcdef";
const dir = path.resolve(__dirname, "../../fixtures/meta");

export const fixtureNames = () => fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
/** A fixture's exact text, optionally re-pointed at another phone_number_id / WABA (channels are unique per number). */
export function fixture(name: string, phoneNumberId = FIXTURE_NUMBER, wabaId = FIXTURE_WABA): string {
  return fs.readFileSync(path.join(dir, name), "utf8").replaceAll(FIXTURE_NUMBER, phoneNumberId).replaceAll(FIXTURE_WABA, wabaId);
}

export const sign = (body: string | Uint8Array, secret = APP_SECRET) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

export const randomDigits = (n = 15) => Array.from(randomBytes(n), (b) => String(b % 10)).join("").replace(/^0/, "1");

export type TestChannel = {
  organizationId: string;
  channelId: string;
  phoneNumberId: string;
  wabaId: string;
  verifyToken: string;
  /** The owner's context, for calls that need one (updateChannel). */
  ctx: Awaited<ReturnType<typeof loadOrgContext>>;
};

export async function createOrgWithChannel(label: string, opts: { phoneNumberId?: string; wabaId?: string } = {}): Promise<TestChannel> {
  const email = `${label}-${randomBytes(4).toString("hex")}@example.test`;
  const { user, organization } = await signUp({ name: label, email, password: "password123", organizationName: label });
  const ctx = await loadOrgContext({ type: "user", userId: user.id }, organization.slug);
  const phoneNumberId = opts.phoneNumberId ?? randomDigits();
  const wabaId = opts.wabaId ?? randomDigits();
  const accessToken = "EAAGtest-access-token-000000000000";
  // The channel is verified the way the product verifies it: "Meta" (the Graph API mock) knows the number.
  await registerPhoneNumber({ phoneNumberId, wabaId, accessToken });
  const channel = await createChannel(ctx, {
    provider: "cloud",
    name: "Main",
    displayPhoneNumber: "+5511955550123",
    phoneNumberId,
    wabaId,
    accessToken,
    appSecret: APP_SECRET,
  });
  return { organizationId: organization.id, channelId: channel.id, phoneNumberId, wabaId, verifyToken: channelVerifyToken(channel)!, ctx };
}

const params = <T>(p: T) => ({ params: Promise.resolve(p) });

export function postToChannel(channelId: string, body: string, headers: Record<string, string | null> = {}) {
  const h = new Headers({ "content-type": "application/json" });
  const signature = "x-hub-signature-256" in headers ? headers["x-hub-signature-256"] : sign(body);
  if (signature) h.set("x-hub-signature-256", signature);
  for (const [k, v] of Object.entries(headers)) if (v !== null && k !== "x-hub-signature-256") h.set(k, v);
  return postChannelRoute(new Request(`http://localhost/api/webhooks/whatsapp/${channelId}`, { method: "POST", headers: h, body }), params({ channelId }));
}

export function getChannelHandshake(channelId: string, query: string) {
  return getChannelRoute(new Request(`http://localhost/api/webhooks/whatsapp/${channelId}?${query}`), params({ channelId }));
}

export function postShared(body: string, secret: string) {
  return postSharedRoute(
    new Request("http://localhost/api/webhooks/whatsapp", {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": sign(body, secret) },
      body,
    }),
  );
}

/**
 * Every webhook row of these organizations has left `received` and its process-webhook-event run has ended (the
 * follow-up events are sent in the run's last step, after the row is marked processed).
 */
export async function waitProcessed(organizationIds: string[]) {
  await waitFor(
    async () => {
      const pending = await getDb()
        .select({ id: webhookEvents.id })
        .from(webhookEvents)
        .where(and(inArray(webhookEvents.organizationId, organizationIds), eq(webhookEvents.status, "received")));
      if (pending.length) return false;
      const running = await query(
        getDb(),
        sql`select 1 from inngest_runs where function_id = 'papo-process-webhook-event' and status = 'running'
            and organization_id in (${sql.join(organizationIds.map((id) => sql`${id}::uuid`), sql`, `)}) limit 1`,
      );
      return running.length === 0;
    },
    "webhooks processed",
    // A bound, not a measure: on a loaded machine (the fuzz file writes thousands of rows alongside) runs queue.
    45_000,
  );
}

/**
 * The customer messages the flow runtime was handed, in run order. papo/message.received is handled inside
 * process-webhook-event's own run (one run per inbound message), so it shows as that run's `flows` entries, not as a
 * stored event.
 */
export async function flowHandledMessageIds(organizationId: string): Promise<string[]> {
  const runs = await query<{ output: { flows?: { messageId: string }[] } | null }>(
    getDb(),
    sql`select output from inngest_runs where function_id = 'papo-process-webhook-event' and organization_id = ${organizationId} and status = 'completed' order by seq`,
  );
  return runs.flatMap((r) => (r.output?.flows ?? []).map((f) => f.messageId));
}

/** A message body Meta would send for one inbound text. */
export function textWebhook(
  phoneNumberId: string,
  m: { id: string; from?: string; fromUserId?: string; ts: number; body: string; name?: string; username?: string },
): string {
  const contact = { profile: { name: m.name ?? "Cliente", ...(m.username ? { username: m.username } : {}) }, ...(m.from ? { wa_id: m.from } : {}), ...(m.fromUserId ? { user_id: m.fromUserId } : {}) };
  const message = { ...(m.from ? { from: m.from } : {}), ...(m.fromUserId ? { from_user_id: m.fromUserId } : {}), id: m.id, timestamp: String(m.ts), type: "text", text: { body: m.body } };
  return envelope(phoneNumberId, { contacts: [contact], messages: [message] });
}

export function statusWebhook(phoneNumberId: string, statuses: Record<string, unknown>[]): string {
  return envelope(phoneNumberId, { statuses });
}

function envelope(phoneNumberId: string, value: Record<string, unknown>): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: FIXTURE_WABA,
        changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "5511955550123", phone_number_id: phoneNumberId }, ...value } }],
      },
    ],
  });
}

/** An outbound message as the sending side stores it once Meta returned its wamid. */
export async function insertOutbound(ch: TestChannel, waMessageId: string) {
  const db = getDb();
  const [contact] = await db
    .insert(contacts)
    .values({ organizationId: ch.organizationId, channelId: ch.channelId, waId: randomDigits(13), phoneE164: null })
    .returning();
  const [conversation] = await db
    .insert(conversations)
    .values({ organizationId: ch.organizationId, channelId: ch.channelId, contactId: contact.id })
    .returning();
  const [message] = await db
    .insert(messages)
    .values({
      organizationId: ch.organizationId,
      channelId: ch.channelId,
      conversationId: conversation.id,
      direction: "outbound",
      type: "text",
      content: { text: { body: "Olá" } },
      waMessageId,
      status: "queued",
      sender: "user",
    })
    .returning();
  return message;
}

export async function messageByWamid(channelId: string, waMessageId: string) {
  const [m] = await getDb().select().from(messages).where(and(eq(messages.channelId, channelId), eq(messages.waMessageId, waMessageId)));
  return m;
}
