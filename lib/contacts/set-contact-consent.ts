import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { contactConsentEvents, contacts, users } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { assertCanEditContact } from "./assert-can-edit-contact";
import { recordConsentChange } from "./record-consent-change";

/** An agent (or an API key) records a consent change they have evidence for: history + current state + audit. */
export async function setContactConsent(ctx: OrgContext, contactId: string, input: { state: "opted_in" | "opted_out" | "unknown"; evidence: string }) {
  await getDb().transaction(async (tx) => {
    const [c] = await tx
      .select({ id: contacts.id, optIn: contacts.optIn })
      .from(contacts)
      .where(and(eq(contacts.organizationId, ctx.org.id), eq(contacts.id, contactId), isNull(contacts.deletedAt)))
      .for("update");
    if (!c) throw notFound("Contact");
    await assertCanEditContact(tx, ctx, contactId);
    await recordConsentChange(tx, {
      organizationId: ctx.org.id,
      contactId,
      state: input.state,
      source: ctx.actor.type === "apiKey" ? "api" : "agent",
      evidence: { note: input.evidence },
      actorUserId: ctx.userId,
      actorApiKeyId: ctx.actor.type === "apiKey" ? ctx.actor.apiKeyId : null,
    });
    await recordAudit(tx, ctx, { action: "contact.consent", targetType: "contact", targetId: contactId, metadata: { from: c.optIn, to: input.state } });
  });
  return listConsentHistory(ctx.org.id, contactId);
}

/** The contact's consent history, newest first, with who changed it. */
export async function listConsentHistory(organizationId: string, contactId: string) {
  const db = getDb();
  const [c] = await db
    .select({ optIn: contacts.optIn })
    .from(contacts)
    .where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, contactId), isNull(contacts.deletedAt)));
  if (!c) throw notFound("Contact");
  const rows = await db
    .select({ e: contactConsentEvents, actorName: users.name })
    .from(contactConsentEvents)
    .leftJoin(users, eq(users.id, contactConsentEvents.actorUserId))
    .where(and(eq(contactConsentEvents.organizationId, organizationId), eq(contactConsentEvents.contactId, contactId)))
    .orderBy(desc(contactConsentEvents.createdAt))
    .limit(200);
  return {
    optIn: c.optIn,
    history: rows.map(({ e, actorName }) => ({
      id: e.id,
      purpose: e.purpose,
      state: e.state,
      source: e.source,
      evidence: e.evidence,
      actorName,
      at: e.createdAt.toISOString(),
    })),
  };
}
