import { readJson, withOrg } from "@/lib/api/route";
import { flowImportInput } from "@/lib/api/openapi/flows";
import { importFlow } from "@/lib/flows/store/import-flow";

/** Body: an exported flow file (see lib/flows/store/flow-input.ts, flowExportSchema). */
export const POST = withOrg("flows.manage", async ({ req, ctx }) => {
  const flow = await importFlow(ctx, await readJson(req, flowImportInput));
  return Response.json({ flow }, { status: 201 });
}, { idempotent: true });
