import { z } from "zod";
import { withOrg } from "@/lib/api/route";
import { parseConversationFilter } from "@/lib/inbox/conversation-filters";
import { listConversations } from "@/lib/inbox/list-conversations";

const page = { limit: z.coerce.number().int().min(1).max(100).optional(), cursor: z.string().max(500).optional() };

// The inbox list: filters, search, last activity first, keyset cursor (lib/inbox/README.md).
export const GET = withOrg("conversations.read", async ({ req, ctx }) => {
  const { limit, cursor, ...filter } = parseConversationFilter(new URL(req.url).searchParams, page);
  return listConversations({
    organizationId: ctx.org.id,
    userId: ctx.userId,
    filter,
    limit: limit as number | undefined,
    cursor: cursor as string | undefined,
  });
});
