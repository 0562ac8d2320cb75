import { z } from "zod";
import { withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { listTimeline } from "@/lib/inbox/list-timeline";

type P = { orgSlug: string; conversationId: string };
const query = z.object({ limit: z.coerce.number().int().min(1).max(100).optional(), before: z.string().min(1).max(500).optional() });

// Messages and events interleaved: newest page first, items of a page oldest first.
export const GET = withOrg<P>("conversations.read", async ({ req, params, ctx }) => {
  const q = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  return listTimeline({ organizationId: ctx.org.id, conversationId: parseId(params.conversationId, "Conversation"), ...q });
});
