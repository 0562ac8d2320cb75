import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { tags } from "@/db/schema";

export async function listTags(organizationId: string) {
  return getDb()
    .select({ id: tags.id, name: tags.name, color: tags.color })
    .from(tags)
    .where(and(eq(tags.organizationId, organizationId), isNull(tags.deletedAt)))
    .orderBy(asc(tags.name));
}
