import type { Segment } from "@/db/schema";
import { contactFilterSchema, type ContactFilter } from "../contact-filter";

export type SegmentItem = { id: string; name: string; filter: ContactFilter; createdAt: string; updatedAt: string };

/** A stored segment as the API shows it; the filter is parsed again so a row written by an older schema cannot leak. */
export function toSegmentItem(s: Segment): SegmentItem {
  const parsed = contactFilterSchema.safeParse(s.filter);
  return { id: s.id, name: s.name, filter: parsed.success ? parsed.data : {}, createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString() };
}
