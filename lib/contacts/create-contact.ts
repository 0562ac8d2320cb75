import { and, eq, isNull, or } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, contacts } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, conflict } from "@/lib/errors";
import { normalizePhone } from "@/lib/whatsapp/normalize-phone";
import { assertContactLimit } from "./contact-limit";
import type { CreateContactInput } from "./contact-input";
import { validateAttributes } from "./custom-field-values";
import { assertStage } from "./lifecycle-stages";
import { contactSummary } from "./list-contacts";
import { recordConsentChange } from "./record-consent-change";

/**
 * A contact added by hand or through the API, on one of the organization's channels: the phone normalised like
 * ingest does (Brazilian ninth digit folded) so the customer's first message finds this contact; one per number and
 * channel (409); the plan's contact limit checked in the same transaction; a consent given here is recorded with its
 * evidence; audited.
 */
export async function createContact(ctx: OrgContext, input: CreateContactInput) {
  const orgId = ctx.org.id;
  const phoneE164 = normalizePhone(input.phone);
  if (!phoneE164) throw new AppError("invalid_input", "phone: not a phone number", [{ path: "phone", message: "Not a phone number" }]);
  const waId = phoneE164.slice(1);
  return getDb().transaction(async (tx) => {
    const [channel] = await tx
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.organizationId, orgId), eq(channels.id, input.channelId), isNull(channels.deletedAt)));
    if (!channel) throw new AppError("invalid_input", "channelId: no such channel", [{ path: "channelId", message: "No such channel" }]);
    await assertContactLimit(tx, orgId, 1);
    const [existing] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.organizationId, orgId), eq(contacts.channelId, channel.id), isNull(contacts.deletedAt), or(eq(contacts.phoneE164, phoneE164), eq(contacts.waId, waId))));
    if (existing) throw conflict("A contact with this number exists on this channel", "phone");
    if (input.lifecycleStageId) await assertStage(tx, orgId, input.lifecycleStageId);
    const attributes = await validateAttributes(tx, orgId, input.attributes ?? {});
    const [row] = await tx
      .insert(contacts)
      .values({
        organizationId: orgId,
        channelId: channel.id,
        waId,
        phoneE164,
        name: input.name?.trim() || null,
        email: input.email?.trim().toLowerCase() || null,
        lifecycleStageId: input.lifecycleStageId ?? null,
        attributes,
      })
      .returning();
    let contact = row;
    if (input.optIn && input.optIn !== "unknown") {
      await recordConsentChange(tx, {
        organizationId: orgId,
        contactId: row.id,
        state: input.optIn,
        source: ctx.actor.type === "apiKey" ? "api" : "agent",
        evidence: { note: input.consentEvidence ?? null, at: "contact creation" },
        actorUserId: ctx.userId,
        actorApiKeyId: ctx.actor.type === "apiKey" ? ctx.actor.apiKeyId : null,
      });
      contact = { ...row, optIn: input.optIn };
    }
    await recordAudit(tx, ctx, { action: "contact.create", targetType: "contact", targetId: row.id, metadata: { channelId: channel.id } });
    return contactSummary(contact);
  });
}
