import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { templates, type Template } from "@/db/schema";
import { notFound } from "@/lib/errors";

/** One of the organization's templates by id (DELETED ones included: the page still shows what it was). */
export async function getTemplateOrThrow(organizationId: string, templateId: string): Promise<Template> {
  const [row] = await getDb()
    .select()
    .from(templates)
    .where(and(eq(templates.organizationId, organizationId), eq(templates.id, templateId)))
    .limit(1);
  if (!row) throw notFound("Template");
  return row;
}
