import { and, asc, eq, ne, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { templates, type Template } from "@/db/schema";
import { DELETED_STATUS } from "./sync-templates";

export type ListTemplatesFilter = { channelId?: string; wabaId?: string; status?: string; includeDeleted?: boolean };

/** The organization's templates (by name, then language). Templates Meta no longer returns are left out unless asked. */
export async function listTemplates(organizationId: string, filter: ListTemplatesFilter = {}): Promise<Template[]> {
  const where: SQL[] = [eq(templates.organizationId, organizationId)];
  if (filter.channelId) where.push(eq(templates.channelId, filter.channelId));
  if (filter.wabaId) where.push(eq(templates.wabaId, filter.wabaId));
  if (filter.status) where.push(eq(templates.status, filter.status.toUpperCase()));
  else if (!filter.includeDeleted) where.push(ne(templates.status, DELETED_STATUS));
  return getDb()
    .select()
    .from(templates)
    .where(and(...where))
    .orderBy(asc(templates.name), asc(templates.language));
}
