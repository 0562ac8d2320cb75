import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { segments } from "@/db/schema";
import { parseId } from "@/lib/api/parse-id";
import { notFound } from "@/lib/errors";
import { toSegmentItem } from "./segment-item";

export async function getSegmentOrThrow(organizationId: string, segmentId: string, db: Db | Tx = getDb()) {
  const id = parseId(segmentId, "Segment");
  const [row] = await db
    .select()
    .from(segments)
    .where(and(eq(segments.organizationId, organizationId), eq(segments.id, id), isNull(segments.deletedAt)));
  if (!row) throw notFound("Segment");
  return toSegmentItem(row);
}
