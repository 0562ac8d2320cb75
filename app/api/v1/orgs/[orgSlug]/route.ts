import { readJson, withOrg } from "@/lib/api/route";
import { updateOrganization, updateOrganizationInput } from "@/lib/organizations/update-organization";

export const GET = withOrg("org.read", async ({ ctx }) => ({
  organization: { id: ctx.org.id, name: ctx.org.name, slug: ctx.org.slug, plan: ctx.org.plan, limits: ctx.org.limits, timeZone: ctx.org.timeZone },
  role: ctx.role,
}));

export const PATCH = withOrg("org.update", async ({ req, ctx }) => {
  const org = await updateOrganization(ctx, await readJson(req, updateOrganizationInput));
  return { organization: { id: org.id, name: org.name, slug: org.slug, timeZone: org.timeZone } };
});
