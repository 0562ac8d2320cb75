import { withOrg } from "@/lib/api/route";
import { listMembers } from "@/lib/members/list-members";

export const GET = withOrg("members.read", async ({ ctx }) => ({ members: await listMembers(ctx.org.id) }));
