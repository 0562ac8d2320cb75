import { getDb } from "@/db";
import { inngest } from "@/inngest/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";

/**
 * Sends `papo/test.ping` for the organization: the diagnostics-ping function answers it, so an admin can see the
 * whole durable path (event → run → steps) work on this installation. It goes through `inngest.send` like any
 * event (in cloud mode too), so the audit entry cannot share its transaction and is written once the send succeeded.
 */
export async function sendTestEvent(ctx: OrgContext): Promise<{ eventId: string }> {
  const { ids } = await inngest.send({ name: "papo/test.ping", data: { organizationId: ctx.org.id, message: "Hello from Papo" } });
  const eventId = ids[0];
  await recordAudit(getDb(), ctx, { action: "run.test_sent", targetType: "event", targetId: eventId, metadata: { name: "papo/test.ping" } });
  return { eventId };
}
