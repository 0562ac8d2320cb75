import { parseId } from "@/lib/api/parse-id";
import { withOrg } from "@/lib/api/route";
import { exportFlow } from "@/lib/flows/store/export-flow";

type Params = { orgSlug: string; flowId: string };

/** The file itself, offered as a download named after the flow. */
export const GET = withOrg<Params>("flows.read", async ({ params, ctx }) => {
  const file = await exportFlow(ctx.org.id, parseId(params.flowId, "Flow"));
  const filename = `${file.name.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "flow"}.papo-flow.json`;
  return new Response(JSON.stringify(file, null, 2), {
    headers: { "content-type": "application/json", "content-disposition": `attachment; filename="${filename}"` },
  });
});
