import { z } from "zod";
import { readJson, withOrg } from "@/lib/api/route";
import { listRateCards } from "@/lib/spend/list-rate-cards";
import { uploadRateCard } from "@/lib/spend/upload-rate-card";

const input = z
  .object({ csv: z.string().min(1).max(2_000_000), currency: z.string().regex(/^[A-Za-z]{3}$/).optional(), name: z.string().max(120).optional() })
  .strict();

export const GET = withOrg("spend.read", async ({ ctx }) => ({ rateCards: await listRateCards(ctx.org.id) }));

export const POST = withOrg("spend.manage", async ({ req, ctx }) => Response.json(await uploadRateCard(ctx, await readJson(req, input)), { status: 201 }));
