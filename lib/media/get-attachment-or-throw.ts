import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { attachments, type Attachment } from "@/db/schema";
import { notFound } from "@/lib/errors";

/** One attachment of the organization; another organization's attachment is "not found", like a missing one. */
export async function getAttachmentOrThrow(organizationId: string, attachmentId: string): Promise<Attachment> {
  const [row] = await getDb()
    .select()
    .from(attachments)
    .where(and(eq(attachments.organizationId, organizationId), eq(attachments.id, attachmentId)));
  if (!row) throw notFound("Attachment");
  return row;
}
