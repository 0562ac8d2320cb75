import { withOrg } from "@/lib/api/route";
import { getEventOrThrow } from "@/lib/runs/get-event-or-throw";

// One event with its whole payload; GET …/events lists previews only.
export const GET = withOrg<{ orgSlug: string; eventId: string }>("runs.read", async ({ params, ctx }) => ({
  event: await getEventOrThrow(ctx.org.id, params.eventId),
}));
