import { and, count, eq, gte, inArray, lt, ne } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { messageCosts } from "@/db/schema";
import { findListPrice, readRateCardsVersion } from "./find-list-price";
import { findMarket } from "./find-market";
import { getSpendSettings } from "./get-spend-settings";
import type { RateCardCategory } from "./rate-card-categories";

/**
 * Free service messages per business number and calendar month once service is charged (REFERENCE §7.2: reported
 * by several BSPs, not read on Meta's page). Meta's own `pricing` on the status overrides this estimate.
 */
export const SERVICE_ALLOWANCE_PER_MONTH = 1000;

export type EstimateInput = {
  orgId: string;
  toE164: string;
  /** The template's category, or `service` for a free-form message. */
  category: RateCardCategory;
  /** Is the customer-service window open at `at`? */
  windowOpen: boolean;
  at?: Date;
  /** The sending number: counts the month's free service allowance. */
  channelId?: string;
  /** When re-pricing a recorded message: leave it out of the allowance count. */
  excludeMessageId?: string;
  db?: Db;
  /** Already known to the caller (record-message-cost.ts reads them with the message): no statement for them. */
  currency?: string;
  rateCardsVersion?: string;
};

type Where = { currency: string; market: string; country: string | null; category: RateCardCategory; listMicros: number | null };
export type CostEstimate =
  | ({ free: true; reason: "window_open" | "service_allowance" } & Where)
  /** `amountMicros` null: no loaded card prices this market and category (shown as "price unknown", never guessed). */
  | ({ free: false; amountMicros: number | null } & Where);

/**
 * What one outbound message will cost, before it is sent: the inbox composer and template picker, the
 * notifications API and campaigns' pre-flight all ask this. Marketing and authentication are always charged;
 * service messages and utility templates are free inside an open window until the card prints a service rate for
 * the market (Meta's October 2026 card, §7.2: from then on both are charged, service after a monthly allowance).
 * Free entry points are not known before sending: Meta's status tells (record-message-cost.ts).
 */
export async function estimateMessageCost(input: EstimateInput): Promise<CostEstimate> {
  const db = input.db ?? getDb();
  const at = input.at ?? new Date();
  const currency = input.currency ?? (await getSpendSettings(db, input.orgId)).currency;
  const market = await findMarket(db, input.toE164);
  const version = input.rateCardsVersion ?? (await readRateCardsVersion(db, input.orgId));
  const list = await findListPrice(db, { organizationId: input.orgId, currency, market, category: input.category, at, version });
  const where = { currency, market: list?.market ?? market.market, country: market.country, category: input.category, listMicros: list?.priceMicros ?? null };
  const inWindowKind = input.category === "service" || (input.category === "utility" && input.windowOpen);
  if (inWindowKind) {
    const serviceRate = input.category === "service" ? list : await findListPrice(db, { organizationId: input.orgId, currency, market, category: "service", at, version });
    if (!serviceRate) return { free: true, reason: "window_open", ...where };
    if (input.category === "service" && input.channelId && (await serviceCountThisMonth(db, input.orgId, input.channelId, at, input.excludeMessageId)) < SERVICE_ALLOWANCE_PER_MONTH) {
      return { free: true, reason: "service_allowance", ...where };
    }
  }
  return { free: false, amountMicros: list?.priceMicros ?? null, ...where };
}

/** Service messages of this number already counted this calendar month (UTC), failed ones excepted. */
async function serviceCountThisMonth(db: Db, organizationId: string, channelId: string, at: Date, excludeMessageId?: string): Promise<number> {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const end = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  const [row] = await db
    .select({ n: count() })
    .from(messageCosts)
    .where(
      and(
        eq(messageCosts.organizationId, organizationId),
        eq(messageCosts.channelId, channelId),
        eq(messageCosts.category, "service"),
        inArray(messageCosts.chargeKind, ["paid", "free_allowance"]),
        ne(messageCosts.state, "failed"),
        gte(messageCosts.pricedAt, start),
        lt(messageCosts.pricedAt, end),
        excludeMessageId ? ne(messageCosts.messageId, excludeMessageId) : undefined,
      ),
    );
  return row?.n ?? 0;
}
