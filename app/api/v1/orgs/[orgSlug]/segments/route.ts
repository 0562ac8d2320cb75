import { readJson, withOrg } from "@/lib/api/route";
import { createSegment } from "@/lib/contacts/segments/create-segment";
import { listSegments } from "@/lib/contacts/segments/list-segments";
import { segmentInput } from "@/lib/contacts/segments/segment-input";

export const GET = withOrg("contacts.read", async ({ ctx }) => ({ segments: await listSegments(ctx.org.id) }));

export const POST = withOrg("contacts.manage", async ({ req, ctx }) =>
  Response.json({ segment: await createSegment(ctx, await readJson(req, segmentInput)) }, { status: 201 }), { idempotent: true });
