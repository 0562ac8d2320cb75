import { readJson, withOrg } from "@/lib/api/route";
import { importOptionsInput } from "@/lib/contacts/import/import-options";
import { startContactImport } from "@/lib/contacts/import/start-contact-import";

type P = { orgSlug: string; importId: string };

// Start an uploaded import with its mapping, duplicate rule and tags; the same file and choices again is a no-op.
export const POST = withOrg<P>("contacts.manage", async ({ req, params, ctx }) => {
  const result = await startContactImport(ctx, params.importId, await readJson(req, importOptionsInput));
  return Response.json(result, { status: result.reused ? 200 : 202 });
});
