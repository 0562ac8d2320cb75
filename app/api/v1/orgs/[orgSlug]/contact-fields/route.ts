import { readJson, withOrg } from "@/lib/api/route";
import { customFieldInput } from "@/lib/contacts/custom-field-input";
import { createCustomField, listCustomFields } from "@/lib/contacts/custom-fields";

export const GET = withOrg("contacts.read", async ({ ctx }) => ({ fields: await listCustomFields(ctx.org.id) }));

export const POST = withOrg("contacts.manage", async ({ req, ctx }) =>
  Response.json({ field: await createCustomField(ctx, await readJson(req, customFieldInput)) }, { status: 201 }), { idempotent: true });
