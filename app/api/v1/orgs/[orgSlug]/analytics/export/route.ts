import { z } from "zod";
import { withOrg } from "@/lib/api/route";
import { analyticsRange } from "@/lib/analytics/analytics-range";
import { analyticsExportQuery as exportQuery } from "@/lib/api/openapi/analytics";
import { exportAnalytics } from "@/lib/analytics/export-analytics";

/** `?report=series|channels|agents|flows&from=…&to=…[&channelId=…]` → that table as CSV. */
export const GET = withOrg("analytics.read", async ({ req, ctx }) => {
  const query: z.infer<typeof exportQuery> = exportQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  const range = analyticsRange(query, ctx.org.timeZone);
  const csv = await exportAnalytics(ctx.org.id, query.report, range, { withSpend: ctx.can("spend.read") });
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${query.report}-${range.from}-${range.to}.csv"` },
  });
});
