import { withOrg } from "@/lib/api/route";
import { getSpendSummary } from "@/lib/spend/get-spend-summary";
import { spendRangeQuery } from "@/lib/spend/spend-range-query";

export const GET = withOrg("spend.read", async ({ req, ctx }) =>
  getSpendSummary(ctx.org.id, spendRangeQuery.parse(Object.fromEntries(new URL(req.url).searchParams))),
);
