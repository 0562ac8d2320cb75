import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, flowSessions } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { getFlowOrThrow } from "@/lib/flows/store/get-flow-or-throw";
import { testCustomerWaId } from "./test-contact";

export type TestSessionView = {
  conversationId: string | null;
  session: { id: string; status: string; currentNodeId: string | null; updatedAt: string } | null;
};

/** Where the caller's test conversation of this flow stands: the node to highlight on the canvas. */
export async function getTestSession(ctx: OrgContext, flowId: string): Promise<TestSessionView> {
  await getFlowOrThrow(ctx.org.id, flowId); // a flow that is not the organization's is a 404, not "no session"
  const [row] = await getDb()
    .select({ session: flowSessions })
    .from(flowSessions)
    .innerJoin(contacts, eq(contacts.id, flowSessions.contactId))
    .where(and(eq(flowSessions.organizationId, ctx.org.id), eq(flowSessions.isTest, true), eq(contacts.waId, testCustomerWaId(flowId, ctx.userId))))
    .orderBy(desc(flowSessions.createdAt))
    .limit(1);
  if (!row) return { conversationId: null, session: null };
  const s = row.session;
  return { conversationId: s.conversationId, session: { id: s.id, status: s.status, currentNodeId: s.currentNodeId, updatedAt: s.updatedAt.toISOString() } };
}
