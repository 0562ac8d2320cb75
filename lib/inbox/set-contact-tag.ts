import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { contacts, contactTags, tags } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { getContactPanel } from "./get-contact-panel";

/** Adds (`on`) or removes a tag on a contact. */
export async function setContactTag(ctx: OrgContext, contactId: string, tagId: string, on: boolean) {
  const orgId = ctx.org.id;
  await getDb().transaction(async (tx) => {
    const [contact] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.organizationId, orgId), eq(contacts.id, contactId), isNull(contacts.deletedAt)));
    if (!contact) throw notFound("Contact");
    // Adding needs a live tag; removing also accepts a deleted one (its attachments may remain). An id that names
    // no tag of this organization is a 404 either way.
    const [tag] = await tx
      .select({ id: tags.id })
      .from(tags)
      .where(and(eq(tags.organizationId, orgId), eq(tags.id, tagId), on ? isNull(tags.deletedAt) : undefined));
    if (!tag) throw notFound("Tag");
    if (on) {
      await tx.insert(contactTags).values({ organizationId: orgId, contactId, tagId }).onConflictDoNothing();
    } else {
      const removed = await tx
        .delete(contactTags)
        .where(and(eq(contactTags.organizationId, orgId), eq(contactTags.contactId, contactId), eq(contactTags.tagId, tagId)))
        .returning({ tagId: contactTags.tagId });
      if (!removed.length) return; // it was not on the contact: nothing changed, nothing to audit
    }
    await recordAudit(tx, ctx, { action: on ? "contact.tag" : "contact.untag", targetType: "contact", targetId: contactId, metadata: { tagId } });
  });
  return getContactPanel(orgId, contactId);
}
