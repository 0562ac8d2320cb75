import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, type Contact } from "@/db/schema";
import { erasedIdentityHash } from "./erase-contact";

/** When an erased contact of the same channel had this contact's identity (wa_id, BSUID or phone), else null. */
export async function previouslyErasedAt(organizationId: string, c: Pick<Contact, "channelId" | "waId" | "userId" | "phoneE164">): Promise<string | null> {
  const hashes = [c.waId, c.userId, c.phoneE164].filter((v): v is string => !!v).map((v) => erasedIdentityHash(organizationId, c.channelId, v));
  if (!hashes.length) return null;
  const [row] = await getDb()
    .select({ erasedAt: contacts.erasedAt })
    .from(contacts)
    .where(and(eq(contacts.organizationId, organizationId), inArray(contacts.erasedIdentityHash, hashes)))
    .orderBy(desc(contacts.erasedAt))
    .limit(1);
  return row?.erasedAt?.toISOString() ?? null;
}
