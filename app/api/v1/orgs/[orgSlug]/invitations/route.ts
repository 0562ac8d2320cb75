import { readJson, withOrg } from "@/lib/api/route";
import { publicOrigin } from "@/lib/http/public-origin";
import { createInvitation, createInvitationInput } from "@/lib/invitations/create-invitation";
import { listPendingInvitations } from "@/lib/invitations/list-pending-invitations";

export const GET = withOrg("members.invite", async ({ ctx }) => ({ invitations: await listPendingInvitations(ctx.org.id) }));

export const POST = withOrg("members.invite", async ({ req, ctx }) => {
  const input = await readJson(req, createInvitationInput);
  const { invitation, url } = await createInvitation(ctx, input, publicOrigin(req.headers));
  return Response.json(
    { invitation: { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt }, url },
    { status: 201 },
  );
});
