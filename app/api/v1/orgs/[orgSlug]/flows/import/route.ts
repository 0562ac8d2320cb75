import { z } from "zod";
import { readJson, withOrg } from "@/lib/api/route";
import { importFlow } from "@/lib/flows/store/import-flow";

/** Body: an exported flow file (see lib/flows/store/flow-input.ts, flowExportSchema). */
export const POST = withOrg("flows.manage", async ({ req, ctx }) => {
  const flow = await importFlow(ctx, await readJson(req, z.unknown()));
  return Response.json({ flow }, { status: 201 });
});
