import { withOrg } from "@/lib/api/route";
import { spendCsv } from "@/lib/spend/spend-csv";
import { spendRangeQuery } from "@/lib/spend/spend-range-query";

export const GET = withOrg("spend.read", async ({ req, ctx }) => {
  const range = spendRangeQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return new Response(await spendCsv(ctx.org.id, range), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="spend-${range.from}-${range.to}.csv"` },
  });
});
