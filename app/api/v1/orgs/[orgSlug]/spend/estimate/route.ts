import { z } from "zod";
import { withOrg } from "@/lib/api/route";
import { estimateForConversation } from "@/lib/spend/estimate-for-conversation";

const query = z.object({ conversationId: z.uuid(), templateId: z.uuid().optional() });

/** What the next message in a conversation would cost (the composer's and template picker's price hint). */
export const GET = withOrg("conversations.read", async ({ req, ctx }) => {
  const q = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  return estimateForConversation(ctx, q);
});
