import { withPublic } from "@/lib/api/route";
import { notFound } from "@/lib/errors";
import { findInvitationByToken } from "@/lib/invitations/find-invitation-by-token";

/** Public: whoever holds the link may see which organization invites which address, and nothing more. */
export const GET = withPublic<{ token: string }>(async ({ params }) => {
  const found = await findInvitationByToken(params.token);
  if (!found) throw notFound("Invitation");
  return {
    invitation: { email: found.invitation.email, role: found.invitation.role, state: found.state },
    organization: { name: found.organization.name },
  };
}, { rateLimit: "invitation" });
