import { z } from "zod";
import { withOrg } from "@/lib/api/route";
import { listRealtimeEvents } from "@/lib/realtime/list-realtime-events";

const query = z.object({ after: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(500).optional() });

// Realtime catch-up over HTTP: the events after `after` (a client's last seen seq); without it, only the current seq.
export const GET = withOrg("conversations.read", async ({ req, ctx }) => {
  const q = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  return listRealtimeEvents(ctx.org.id, q.after, q.limit);
});
