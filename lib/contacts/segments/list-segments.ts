import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { segments } from "@/db/schema";
import { toSegmentItem } from "./segment-item";

/** An organization's segments by name (few per organization: no pagination beyond the cap). */
export async function listSegments(organizationId: string) {
  const rows = await getDb()
    .select()
    .from(segments)
    .where(and(eq(segments.organizationId, organizationId), isNull(segments.deletedAt)))
    .orderBy(asc(segments.name))
    .limit(500);
  return rows.map(toSegmentItem);
}
