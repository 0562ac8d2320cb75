import { withOrg } from "@/lib/api/route";
import { countContacts } from "@/lib/contacts/count-contacts";
import { getSegmentOrThrow } from "@/lib/contacts/segments/get-segment-or-throw";

type P = { orgSlug: string; segmentId: string };

// The live count: the segment's filter run now, so it follows every change to the contacts.
export const GET = withOrg<P>("contacts.read", async ({ params, ctx }) => {
  const segment = await getSegmentOrThrow(ctx.org.id, params.segmentId);
  return { count: await countContacts(ctx.org.id, segment.filter) };
});
