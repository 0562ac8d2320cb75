import { z } from "zod";
import { parseFilterParam, type ContactFilter } from "./contact-filter";
import { contactSortSchema, sortDirectionSchema } from "./list-contacts";
import { getSegmentOrThrow } from "./segments/get-segment-or-throw";

const query = z.object({
  sort: contactSortSchema,
  direction: sortDirectionSchema,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
  q: z.string().trim().max(100).optional(),
  segmentId: z.string().max(100).optional(),
});

/**
 * The query string every contact listing reads (list, count, export): `filter` (the shared filter as JSON),
 * `segmentId` (a saved filter instead), `q` (search, added to either), sort, direction, limit and cursor.
 */
export async function parseContactQuery(organizationId: string, url: string) {
  const params = new URL(url).searchParams;
  const parsed = query.parse({
    sort: params.get("sort") ?? undefined,
    direction: params.get("direction") ?? undefined,
    limit: params.get("limit") ?? undefined,
    cursor: params.get("cursor") ?? undefined,
    q: params.get("q") ?? undefined,
    segmentId: params.get("segmentId") ?? undefined,
  });
  let filter: ContactFilter = parsed.segmentId ? (await getSegmentOrThrow(organizationId, parsed.segmentId)).filter : parseFilterParam(params.get("filter"));
  if (parsed.q) filter = { ...filter, q: parsed.q };
  return { ...parsed, filter };
}
