import { and, eq, getTableColumns } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { contactImports } from "@/db/schema";
import { parseId } from "@/lib/api/parse-id";
import { notFound } from "@/lib/errors";

export async function getContactImportOrThrow(organizationId: string, importId: string, db: Db | Tx = getDb()) {
  const id = parseId(importId, "Import");
  const { content: _content, ...columns } = getTableColumns(contactImports);
  void _content;
  const [row] = await db.select(columns).from(contactImports).where(and(eq(contactImports.organizationId, organizationId), eq(contactImports.id, id)));
  if (!row) throw notFound("Import");
  return row;
}
