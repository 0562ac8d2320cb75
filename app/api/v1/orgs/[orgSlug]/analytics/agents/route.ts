import { withOrg } from "@/lib/api/route";
import { analyticsQuery, analyticsRange } from "@/lib/analytics/analytics-range";
import { getAgentStats } from "@/lib/analytics/get-agent-stats";

export const GET = withOrg("analytics.read", async ({ req, ctx }) =>
  getAgentStats(ctx.org.id, analyticsRange(analyticsQuery.parse(Object.fromEntries(new URL(req.url).searchParams)), ctx.org.timeZone)),
);
