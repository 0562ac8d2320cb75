import { getDb } from "@/db";
import { readJson, withUser } from "@/lib/api/route";
import { createOrganization, createOrganizationInput } from "@/lib/organizations/create-organization";
import { listUserOrganizations } from "@/lib/organizations/list-user-organizations";

export const GET = withUser(async ({ userId }) => ({ organizations: await listUserOrganizations(userId) }));

export const POST = withUser(async ({ req, userId }) => {
  const input = await readJson(req, createOrganizationInput);
  const org = await getDb().transaction((tx) => createOrganization(tx, { name: input.name, ownerUserId: userId }));
  return Response.json({ organization: { id: org.id, name: org.name, slug: org.slug } }, { status: 201 });
});
