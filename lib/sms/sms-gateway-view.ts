import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { smsGateways, type SmsGateway } from "@/db/schema";

export type SmsGatewayView = { method: string; urlTemplate: string; headers: Record<string, string>; bodyTemplate: string | null; secretSet: boolean; updatedAt: string };

/** What the API shows of the gateway: everything but the secret, which is only "set" or not. */
export function toSmsGatewayView(g: SmsGateway): SmsGatewayView {
  return { method: g.method, urlTemplate: g.urlTemplate, headers: g.headers, bodyTemplate: g.bodyTemplate, secretSet: !!g.secretEncrypted, updatedAt: g.updatedAt.toISOString() };
}

export async function getSmsGateway(organizationId: string): Promise<SmsGatewayView | null> {
  const [row] = await getDb().select().from(smsGateways).where(eq(smsGateways.organizationId, organizationId));
  return row ? toSmsGatewayView(row) : null;
}
