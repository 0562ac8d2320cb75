import { withOrg } from "@/lib/api/route";
import { analyticsQuery, analyticsRange } from "@/lib/analytics/analytics-range";
import { getOverview } from "@/lib/analytics/get-overview";

export const GET = withOrg("analytics.read", async ({ req, ctx }) => {
  const range = analyticsRange(analyticsQuery.parse(Object.fromEntries(new URL(req.url).searchParams)), ctx.org.timeZone);
  return getOverview(ctx.org.id, range, { withSpend: ctx.can("spend.read") });
});
