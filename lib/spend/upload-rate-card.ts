import { getDb } from "@/db";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseRateCardCsv } from "./parse-rate-card-csv";
import { saveRateCard } from "./save-rate-card";

/**
 * An admin's newer rate card (Meta publishes one per currency at each quarterly change), for their organization
 * only: a price is the latest row effective on a message's day, so messages before the card's date keep their old
 * price. Stored whole or not at all, with an audit entry in the uploader's org.
 */
export async function uploadRateCard(ctx: OrgContext, input: { csv: string; currency?: string; name?: string }) {
  const card = parseRateCardCsv(input.csv, input.currency);
  const source = `upload:${input.name?.trim() || new Date().toISOString()}`;
  return getDb().transaction(async (tx) => {
    const saved = await saveRateCard(tx, card, { source, organizationId: ctx.org.id, uploadedBy: ctx.userId });
    await recordAudit(tx, ctx, { action: "spend.rate_card.upload", targetType: "rate_card", targetId: saved[0]?.id ?? null, metadata: { source, currency: card.currency, cards: saved } });
    return { currency: card.currency, source, cards: saved };
  });
}
