import { and, eq, isNull, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db";
import { contacts, type WebhookItemOutcome } from "@/db/schema";
import { normalizePhone } from "@/lib/whatsapp/normalize-phone";
import { recordConsentChange } from "./record-consent-change";

/** One item of Meta's `user_preferences` change (the webhook fixtures test parses them with it). */
export const userPreferenceSchema = z.object({
  wa_id: z.string().min(1).max(64).optional(),
  user_id: z.string().min(1).max(128).optional(),
  detail: z.string().max(1000).optional(),
  category: z.string().max(64),
  value: z.string().max(32),
  timestamp: z.union([z.number(), z.string().max(20)]).optional(),
});
export const userPreferencesValueSchema = z.object({ user_preferences: z.array(z.unknown()).max(1000) });

/**
 * Meta's `user_preferences` change: a user stopped (`stop`) or resumed (`resume`) marketing messages from this
 * business in WhatsApp itself. Each item moves the contact's marketing consent (source `meta_preference`, the item
 * as evidence), in its own transaction with its recorded outcome (`record`), deduplicated by user, value and time so
 * a redelivery changes nothing. A user Papo does not know yet is skipped (nothing was ever sent to them).
 */
export async function applyUserPreferences(
  db: Db,
  args: { organizationId: string; channelId: string | null; at: string; value: unknown; record: (tx: Tx, item: WebhookItemOutcome) => Promise<void> },
): Promise<WebhookItemOutcome[]> {
  const parsed = userPreferencesValueSchema.safeParse(args.value);
  if (!parsed.success || !args.channelId) {
    return [{ path: args.at, kind: "change", outcome: "failed", reason: args.channelId ? `user_preferences value: ${parsed.error?.message.slice(0, 500)}` : "user_preferences change without a channel" }];
  }
  const items: WebhookItemOutcome[] = [];
  for (const [i, raw] of parsed.data.user_preferences.entries()) {
    const path = `${args.at}.value.user_preferences[${i}]`;
    const p = userPreferenceSchema.safeParse(raw);
    if (!p.success) {
      items.push({ path, kind: "change", outcome: "failed", reason: `user preference: ${p.error.message.slice(0, 500)}` });
      continue;
    }
    const pref = p.data;
    const state = pref.category !== "marketing_messages" ? null : pref.value === "stop" ? "opted_out" : pref.value === "resume" ? "opted_in" : null;
    const ref = (pref.wa_id ?? pref.user_id)?.slice(0, 64);
    if (!state) {
      items.push({ path, kind: "change", ref, outcome: "skipped", reason: `user preference ${pref.category}/${pref.value} is not a marketing stop or resume` });
      continue;
    }
    const item = await db.transaction(async (tx) => {
      const contactId = await findContact(tx, args.organizationId, args.channelId!, pref.wa_id, pref.user_id);
      const outcome: WebhookItemOutcome = contactId
        ? { path, kind: "change", ref, outcome: "applied" }
        : { path, kind: "change", ref, outcome: "skipped", reason: "user preference for a WhatsApp user who is not a contact" };
      if (contactId) {
        const changed = await recordConsentChange(tx, {
          organizationId: args.organizationId,
          contactId,
          state,
          source: "meta_preference",
          evidence: { ...pref },
          dedupKey: `meta:${args.channelId}:${pref.wa_id ?? pref.user_id}:${pref.value}:${pref.timestamp ?? ""}`,
        });
        if (!changed) outcome.outcome = "duplicate";
      }
      await args.record(tx, outcome);
      return outcome;
    });
    items.push(item);
  }
  return items;
}

async function findContact(tx: Tx, organizationId: string, channelId: string, waId?: string, userId?: string): Promise<string | null> {
  const matches: SQL[] = [];
  if (userId) matches.push(eq(contacts.userId, userId));
  if (waId) matches.push(eq(contacts.waId, waId));
  const phone = normalizePhone(waId);
  if (phone) matches.push(eq(contacts.phoneE164, phone));
  if (!matches.length) return null;
  const [row] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.organizationId, organizationId), eq(contacts.channelId, channelId), isNull(contacts.deletedAt), or(...matches)))
    .limit(1);
  return row?.id ?? null;
}
