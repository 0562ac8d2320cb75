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
    if (on) {
      const [tag] = await tx.select({ id: tags.id }).from(tags).where(and(eq(tags.organizationId, orgId), eq(tags.id, tagId), isNull(tags.deletedAt)));
      if (!tag) throw notFound("Tag");
      await tx.insert(contactTags).values({ organizationId: orgId, contactId, tagId }).onConflictDoNothing();
    } else {
      await tx
        .delete(contactTags)
        .where(and(eq(contactTags.organizationId, orgId), eq(contactTags.contactId, contactId), eq(contactTags.tagId, tagId)));
    }
    await recordAudit(tx, ctx, { action: on ? "contact.tag" : "contact.untag", targetType: "contact", targetId: contactId, metadata: { tagId } });
  });
  return getContactPanel(orgId, contactId);
}
