import { and, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { contacts } from "@/db/schema";
import { normalizePhone } from "../normalize-phone";
import { identityLockKeys, lockContactIdentities } from "./lock-contact-identities";

/** System notices that say a user's WhatsApp number changed (2026 name, and the older one). */
const NUMBER_CHANGES = new Set(["user_changed_number", "customer_changed_number"]);

export type NumberChange = { type?: string; wa_id?: string; new_wa_id?: string; user_id?: string; body?: string };

/**
 * `system` notice "user changed number" (`system.wa_id` = the new number): the contact takes the new wa_id and
 * phone, so the next message from the new number lands in the same contact and conversation. The old identity is
 * kept in `attributes.numberHistory` ({waId, phoneE164, changedAt, waMessageId}). `user_changed_user_id` does the
 * same for the business-scoped user id. If another contact of the channel already holds the new identity (the new
 * number wrote first), identities are left alone and the entry records `conflictContactId`: merging two contacts
 * is a person's decision. Runs in the message's transaction, once (a duplicate delivery stops before).
 */
export async function applyNumberChange(
  tx: Db,
  args: { organizationId: string; channelId: string; contactId: string; system: NumberChange; at: Date; waMessageId: string },
): Promise<"changed" | "conflict" | "ignored"> {
  const { system } = args;
  const isNumber = NUMBER_CHANGES.has(system.type ?? "");
  const isUserId = system.type === "user_changed_user_id";
  const newWaId = isNumber ? (system.wa_id ?? system.new_wa_id ?? null) : null;
  const newUserId = isUserId ? (system.user_id ?? null) : null;
  if (!newWaId && !newUserId) return "ignored";
  const newPhone = normalizePhone(newWaId);
  // The new identity's locks: a message from the new number being stored right now finishes first (no cycle: such
  // a transaction cannot be waiting for this contact, which it cannot find by the new number yet).
  await lockContactIdentities(tx, identityLockKeys(args.channelId, { waId: newWaId, phoneE164: newPhone, userId: newUserId }));

  const [current] = await tx
    .select({ waId: contacts.waId, userId: contacts.userId, phoneE164: contacts.phoneE164, attributes: contacts.attributes })
    .from(contacts)
    .where(and(eq(contacts.organizationId, args.organizationId), eq(contacts.id, args.contactId)));
  if (!current) return "ignored";
  const [other] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.organizationId, args.organizationId),
        eq(contacts.channelId, args.channelId),
        ne(contacts.id, args.contactId),
        isNull(contacts.deletedAt),
        newWaId
          ? or(eq(contacts.waId, newWaId), newPhone ? eq(contacts.phoneE164, newPhone) : undefined)
          : eq(contacts.userId, newUserId!),
      ),
    )
    .limit(1);
  const entry = {
    ...(isNumber ? { waId: current.waId, phoneE164: current.phoneE164, newWaId } : { userId: current.userId, newUserId }),
    changedAt: args.at.toISOString(),
    waMessageId: args.waMessageId,
    ...(other ? { conflictContactId: other.id } : {}),
  };
  const history = Array.isArray(current.attributes?.numberHistory) ? (current.attributes.numberHistory as unknown[]) : [];
  await tx
    .update(contacts)
    .set({
      attributes: sql`${contacts.attributes} || ${JSON.stringify({ numberHistory: [...history, entry] })}::jsonb`,
      ...(other ? {} : isNumber ? { waId: newWaId, phoneE164: newPhone } : { userId: newUserId }),
    })
    .where(and(eq(contacts.organizationId, args.organizationId), eq(contacts.id, args.contactId)));
  return other ? "conflict" : "changed";
}
