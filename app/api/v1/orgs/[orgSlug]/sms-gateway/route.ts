import { readJson, withOrg } from "@/lib/api/route";
import { deleteSmsGateway, saveSmsGateway } from "@/lib/sms/save-sms-gateway";
import { smsGatewayInput } from "@/lib/sms/sms-gateway-input";
import { getSmsGateway } from "@/lib/sms/sms-gateway-view";

// The organization's SMS gateway (an HTTP request template); its secret is write-only (`secretSet`).
export const GET = withOrg("integrations.manage", async ({ ctx }) => ({ gateway: await getSmsGateway(ctx.org.id) }));

export const PUT = withOrg("integrations.manage", async ({ req, ctx }) => ({ gateway: await saveSmsGateway(ctx, await readJson(req, smsGatewayInput)) }));

export const DELETE = withOrg("integrations.manage", async ({ ctx }) => {
  await deleteSmsGateway(ctx);
  return { ok: true };
});
