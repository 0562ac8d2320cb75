import { readJson, withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { customFieldPatch } from "@/lib/contacts/custom-field-input";
import { deleteCustomField, updateCustomField } from "@/lib/contacts/custom-fields";

type P = { orgSlug: string; fieldId: string };

export const PATCH = withOrg<P>("contacts.manage", async ({ req, params, ctx }) => {
  const fieldId = parseId(params.fieldId, "Custom field");
  return { field: await updateCustomField(ctx, fieldId, await readJson(req, customFieldPatch)) };
});

export const DELETE = withOrg<P>("contacts.manage", async ({ params, ctx }) => {
  await deleteCustomField(ctx, parseId(params.fieldId, "Custom field"));
  return { ok: true };
});
