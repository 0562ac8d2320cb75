import { parseId } from "@/lib/api/parse-id";
import { readJson, withOrg } from "@/lib/api/route";
import { changeMemberRole, changeMemberRoleInput } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";

type Params = { orgSlug: string; membershipId: string };

export const PATCH = withOrg<Params>("members.update", async ({ req, params, ctx }) => {
  const { role } = await readJson(req, changeMemberRoleInput);
  const membership = await changeMemberRole(ctx, parseId(params.membershipId, "Member"), role);
  return { membership: { id: membership.id, role: membership.role } };
});

export const DELETE = withOrg<Params>("members.remove", async ({ params, ctx }) => {
  await removeMember(ctx, parseId(params.membershipId, "Member"));
  return { ok: true };
});
