import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { smsGateways } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { SmsGatewayInput } from "./sms-gateway-input";
import { toSmsGatewayView, type SmsGatewayView } from "./sms-gateway-view";

/** Creates or replaces the organization's SMS gateway (the secret sealed, kept when not given), audited. */
export async function saveSmsGateway(ctx: OrgContext, input: SmsGatewayInput): Promise<SmsGatewayView> {
  return getDb().transaction(async (tx) => {
    const values = {
      method: input.method,
      urlTemplate: input.urlTemplate,
      headers: input.headers,
      bodyTemplate: input.bodyTemplate ?? null,
      ...(input.secret !== undefined ? { secretEncrypted: input.secret === null ? null : encryptSecret(input.secret) } : {}),
    };
    const [row] = await tx
      .insert(smsGateways)
      .values({ organizationId: ctx.org.id, ...values })
      .onConflictDoUpdate({ target: smsGateways.organizationId, set: { ...values, updatedAt: new Date() } })
      .returning();
    await recordAudit(tx, ctx, { action: "sms_gateway.saved", targetType: "sms_gateway", targetId: null, metadata: { method: input.method, secretChanged: input.secret !== undefined } });
    return toSmsGatewayView(row);
  });
}

export async function deleteSmsGateway(ctx: OrgContext): Promise<void> {
  await getDb().transaction(async (tx) => {
    const gone = await tx.delete(smsGateways).where(eq(smsGateways.organizationId, ctx.org.id)).returning({ id: smsGateways.organizationId });
    if (gone.length) await recordAudit(tx, ctx, { action: "sms_gateway.deleted", targetType: "sms_gateway" });
  });
}
