import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts } from "@/db/schema";
import type { ContactFilter } from "./contact-filter";
import { contactFilterWhere } from "./contact-filter-sql";

/** How many of an organization's live contacts match a filter (a segment's live count, an export's size). */
export async function countContacts(organizationId: string, filter: ContactFilter): Promise<number> {
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(contacts)
    .where(contactFilterWhere(organizationId, filter));
  return row.n;
}
