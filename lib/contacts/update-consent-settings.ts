import { z } from "zod";
import { getDb } from "@/db";
import { contactConsentSettings } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { consentSettingsOf, type ConsentSettings } from "./consent-settings";
import { normalizeKeyword } from "./normalize-keyword";

const keywords = (what: string) =>
  z
    .array(z.string().trim().min(1, "A keyword cannot be empty").max(40, "Keep each keyword under 40 characters"))
    .min(1, `Give at least one ${what} keyword`)
    .max(20, "At most 20 keywords");

const confirmation = z.string().trim().min(1, "Write the confirmation message").max(1024, "Keep the message under 1,024 characters");

/** The whole settings object (PUT): keywords and both confirmation texts. */
export const consentSettingsInput = z
  .object({ optOutKeywords: keywords("opt-out"), optInKeywords: keywords("opt-in"), optOutConfirmation: confirmation, optInConfirmation: confirmation })
  .strict();

/**
 * Replaces the organization's keywords and confirmation texts, audited. Keywords are kept as typed (deduplicated as
 * compared: accents, case and spacing ignored); a word cannot both opt out and opt in — the keyword match
 * (consentKeywordOf) would silently prefer opt-out, so it is refused here with the reason instead.
 */
export async function updateConsentSettings(ctx: OrgContext, input: z.infer<typeof consentSettingsInput>): Promise<ConsentSettings> {
  const optOut = dedupe(input.optOutKeywords);
  const optIn = dedupe(input.optInKeywords);
  const out = new Set(optOut.map(normalizeKeyword));
  const both = optIn.filter((k) => out.has(normalizeKeyword(k)));
  if (both.length) {
    throw new AppError("invalid_input", `A keyword cannot both opt out and opt in: ${both.join(", ")}`, [
      { path: "optInKeywords", message: `Also an opt-out keyword: ${both.join(", ")}` },
    ]);
  }
  const values = { optOutKeywords: optOut, optInKeywords: optIn, optOutConfirmation: input.optOutConfirmation, optInConfirmation: input.optInConfirmation };
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(contactConsentSettings)
      .values({ organizationId: ctx.org.id, ...values })
      .onConflictDoUpdate({ target: contactConsentSettings.organizationId, set: { ...values, updatedAt: new Date() } })
      .returning();
    await recordAudit(tx, ctx, { action: "consent_settings.update", targetType: "organization", targetId: ctx.org.id, metadata: { optOutKeywords: optOut, optInKeywords: optIn } });
    return consentSettingsOf(row);
  });
}

function dedupe(words: string[]): string[] {
  const seen = new Set<string>();
  return words.map((w) => w.trim().replace(/\s+/g, " ")).filter((w) => {
    const k = normalizeKeyword(w);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
