import { getDb } from "@/db";
import { withOrg } from "@/lib/api/route";
import { analyticsQuery, analyticsRange } from "@/lib/analytics/analytics-range";
import { flowOutcomes } from "@/lib/analytics/flow-outcomes";

export const GET = withOrg("analytics.read", async ({ req, ctx }) => {
  const range = analyticsRange(analyticsQuery.parse(Object.fromEntries(new URL(req.url).searchParams)), ctx.org.timeZone);
  return { range, flows: await flowOutcomes(getDb(), ctx.org.id, range) };
});
