import { readJson, withOrg } from "@/lib/api/route";
import { deleteSegment } from "@/lib/contacts/segments/delete-segment";
import { getSegmentOrThrow } from "@/lib/contacts/segments/get-segment-or-throw";
import { segmentPatch } from "@/lib/contacts/segments/segment-input";
import { updateSegment } from "@/lib/contacts/segments/update-segment";

type P = { orgSlug: string; segmentId: string };

export const GET = withOrg<P>("contacts.read", async ({ params, ctx }) => ({ segment: await getSegmentOrThrow(ctx.org.id, params.segmentId) }));

export const PATCH = withOrg<P>("contacts.manage", async ({ req, params, ctx }) => ({
  segment: await updateSegment(ctx, params.segmentId, await readJson(req, segmentPatch)),
}));

export const DELETE = withOrg<P>("contacts.manage", async ({ params, ctx }) => {
  await deleteSegment(ctx, params.segmentId);
  return { ok: true };
});
