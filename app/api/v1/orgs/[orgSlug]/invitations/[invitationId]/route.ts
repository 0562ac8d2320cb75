import { parseId } from "@/lib/api/parse-id";
import { withOrg } from "@/lib/api/route";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";

export const DELETE = withOrg<{ orgSlug: string; invitationId: string }>("members.invite", async ({ params, ctx }) => {
  await revokeInvitation(ctx, parseId(params.invitationId, "Invitation"));
  return { ok: true };
});
