import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, contactTags, tags } from "@/db/schema";
import type { Effect } from "../engine/engine-types";

type ContactUpdate = Extract<Effect, { type: "update_contact" }>;

/** set_variable's contact part: name, custom attributes (merged), tags added (created by name if new) and removed. */
export async function applyContactUpdate(organizationId: string, contactId: string, effect: ContactUpdate): Promise<void> {
  await getDb().transaction(async (tx) => {
    const patch: Partial<typeof contacts.$inferInsert> = { updatedAt: new Date() };
    if (effect.name !== undefined) patch.name = effect.name || null;
    if (Object.keys(effect.attributes).length > 0) patch.attributes = sql`${contacts.attributes} || ${JSON.stringify(effect.attributes)}::jsonb` as never;
    await tx.update(contacts).set(patch).where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, contactId)));
    for (const name of effect.addTags) {
      await tx.insert(tags).values({ organizationId, name }).onConflictDoNothing();
      const [tag] = await tx.select({ id: tags.id }).from(tags).where(and(eq(tags.organizationId, organizationId), eq(tags.name, name), isNull(tags.deletedAt)));
      if (tag) await tx.insert(contactTags).values({ organizationId, contactId, tagId: tag.id }).onConflictDoNothing();
    }
    if (effect.removeTags.length > 0) {
      const ids = tx.select({ id: tags.id }).from(tags).where(and(eq(tags.organizationId, organizationId), inArray(tags.name, effect.removeTags)));
      await tx.delete(contactTags).where(and(eq(contactTags.organizationId, organizationId), eq(contactTags.contactId, contactId), inArray(contactTags.tagId, ids)));
    }
  });
}
