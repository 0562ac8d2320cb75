import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, contacts, conversations, messages } from "@/db/schema";
import { POST as postEvolutionRoute } from "@/app/api/webhooks/evolution/[channelId]/route";
import { loadOrgContext } from "@/lib/auth/org-context";
import { createChannel } from "@/lib/channels/create-channel";
import { signUp } from "@/lib/users/sign-up";
import type { Deliver, EvolutionMock } from "@/tests/support/evolution-mock";

export const ORIGIN = "http://papo.test";

/** The mock's webhooks go straight into the real route handler (integration tests run no HTTP server for Next). */
export const deliverToRoute: Deliver = async (url, headers, body) => {
  const channelId = new URL(url).pathname.split("/").pop()!;
  const res = await postEvolutionRoute(new Request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }), {
    params: Promise.resolve({ channelId }),
  });
  return res.status;
};

export async function orgWithMember(label: string) {
  const email = `${label}-${randomBytes(4).toString("hex")}@example.test`;
  const { user, organization } = await signUp({ name: label, email, password: "password123", organizationName: label });
  const ctx = await loadOrgContext({ type: "user", userId: user.id }, organization.slug);
  return { user, organization, ctx };
}

export async function connectEvolution(ctx: Awaited<ReturnType<typeof loadOrgContext>>, mock: EvolutionMock, instanceName = `inst-${randomBytes(3).toString("hex")}`, extra: { allowGroups?: boolean } = {}) {
  const channel = await createChannel(ctx, { provider: "evolution", name: "Avisos", baseUrl: mock.url, apiKey: mock.apiKey, instanceName, ...extra }, { origin: ORIGIN });
  return { channel, instanceName };
}

export async function channelRow(id: string) {
  const [row] = await getDb().select().from(channels).where(eq(channels.id, id));
  return row;
}

export const newPhone = () => `55119${Array.from(randomBytes(8), (b) => String(b % 10)).join("")}`;

/** Messages of the customer's conversation, in order: direction, text (or type) and status. */
export async function conversationMessages(organizationId: string, waId: string) {
  const rows = await getDb()
    .select({ direction: messages.direction, type: messages.type, content: messages.content, status: messages.status, waMessageId: messages.waMessageId })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(messages.organizationId, organizationId), eq(contacts.waId, waId)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return rows.map((r) => {
    const c = r.content as { body?: string; text?: { body?: string } };
    return { ...r, text: c.body ?? c.text?.body ?? `[${r.type}]` };
  });
}
