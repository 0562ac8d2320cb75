import { readJson, withOrg } from "@/lib/api/route";
import { rateCardInput } from "@/lib/api/openapi/spend";
import { listRateCards } from "@/lib/spend/list-rate-cards";
import { uploadRateCard } from "@/lib/spend/upload-rate-card";

export const GET = withOrg("spend.read", async ({ ctx }) => ({ rateCards: await listRateCards(ctx.org.id) }));

export const POST = withOrg("spend.manage", async ({ req, ctx }) => Response.json(await uploadRateCard(ctx, await readJson(req, rateCardInput)), { status: 201 }), { idempotent: true });
