import { withOrg } from "@/lib/api/route";
import { parseConversationFilter } from "@/lib/inbox/conversation-filters";
import { countConversations } from "@/lib/inbox/count-conversations";

// Totals and unread totals per inbox filter (all / mine / unassigned / bot) for one status.
export const GET = withOrg("conversations.read", async ({ req, ctx }) => {
  const filter = parseConversationFilter(new URL(req.url).searchParams);
  return countConversations({ organizationId: ctx.org.id, userId: ctx.userId, filter });
});
