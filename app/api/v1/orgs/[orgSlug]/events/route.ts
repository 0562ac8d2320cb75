import { z } from "zod";
import { withOrg } from "@/lib/api/route";
import { isEventCursor, listEvents } from "@/lib/runs/list-events";

const query = z.object({
  before: z.string().refine(isEventCursor, "Use the `next` value of the previous page").optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const GET = withOrg("runs.read", async ({ req, ctx }) => {
  const q = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  return listEvents(ctx.org.id, q);
});
