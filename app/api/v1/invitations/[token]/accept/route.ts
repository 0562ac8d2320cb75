import { withUser } from "@/lib/api/route";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";

export const POST = withUser<{ token: string }>(async ({ params, userId }) => {
  const org = await acceptInvitation(params.token, userId);
  return { organization: { id: org.id, slug: org.slug, name: org.name } };
}, { rateLimit: "invitation" });
