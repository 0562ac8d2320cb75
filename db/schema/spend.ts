import { sql } from "drizzle-orm";
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { channels } from "./channels";
import { conversations, messages } from "./conversations";
import { organizations, users } from "./organizations";

/**
 * Meta's per-message prices as data (lib/spend/README.md). A card is one (currency, effective date, source): the
 * shipped USD cards from db/seed-data/rate-card/ (for everyone) and any an admin uploads (for their organization only:
 * one tenant's card never prices another's messages). A card may be partial (an override file
 * holds a few countries): a price is the latest row effective on the day for its market and category.
 */
export const rateCards = pgTable(
  "rate_cards",
  {
    id: id(),
    /** Null: the installation's card (shipped with Papo), used by every organization; set: one organization's upload. */
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    currency: text("currency").notNull(),
    effectiveFrom: date("effective_from").notNull(),
    source: text("source").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [unique("rate_cards_org_currency_effective_source_key").on(t.organizationId, t.currency, t.effectiveFrom, t.source).nullsNotDistinct()],
);

/** Money is integer micro-units of the card's currency (US$ 0.0625 = 62 500). */
export const rateCardPrices = pgTable(
  "rate_card_prices",
  {
    rateCardId: uuid("rate_card_id").notNull().references(() => rateCards.id, { onDelete: "cascade" }),
    market: text("market").notNull(),
    category: text("category").notNull(),
    priceMicros: bigint("price_micros", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.rateCardId, t.market, t.category] }), index("rate_card_prices_market_idx").on(t.market, t.category)],
);

/** Meta's "country calling codes" table: a calling code (digits, e.g. "1809") → country and its market group. */
export const marketCallingCodes = pgTable(
  "market_calling_codes",
  {
    callingCode: text("calling_code").notNull(),
    iso2: text("iso2").notNull(),
    countryName: text("country_name").notNull(),
    market: text("market").notNull(),
  },
  (t) => [primaryKey({ columns: [t.callingCode, t.iso2] })],
);

/**
 * One cost record per outbound message, from its statuses (lib/spend/record-message-cost.ts). `state`: estimated
 * (sent), confirmed (delivered/read), failed (never charged). `chargeKind`: paid, free_customer_service,
 * free_entry_point, free_allowance, unpriced. `listMicros` is what the message would cost at list price: the
 * savings of a free message. `pricingSource`: meta (its status carried `pricing`) or papo (our estimate).
 */
export const messageCosts = pgTable(
  "message_costs",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    messageId: uuid("message_id").notNull().references(() => messages.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").notNull().references(() => channels.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "set null" }),
    waMessageId: text("wa_message_id"),
    senderKind: text("sender_kind").notNull(),
    senderUserId: uuid("sender_user_id").references(() => users.id, { onDelete: "set null" }),
    state: text("state").notNull(),
    chargeKind: text("charge_kind").notNull(),
    pricingSource: text("pricing_source").notNull(),
    pricing: jsonb("pricing").$type<Record<string, unknown>>(),
    /** The status that brought `pricing` (sent, delivered, read): a delivered/read one replaces a sent one. */
    pricingStatus: text("pricing_status"),
    pricingType: text("pricing_type"),
    pricingModel: text("pricing_model"),
    billable: boolean("billable"),
    category: text("category").notNull(),
    market: text("market"),
    country: text("country"),
    currency: text("currency").notNull(),
    amountMicros: bigint("amount_micros", { mode: "number" }).notNull().default(0),
    listMicros: bigint("list_micros", { mode: "number" }).notNull().default(0),
    pricedAt: timestamp("priced_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("message_costs_message_key").on(t.messageId),
    uniqueIndex("message_costs_channel_wamid_key").on(t.channelId, t.waMessageId).where(sql`wa_message_id is not null`),
    index("message_costs_org_priced_idx").on(t.organizationId, t.pricedAt),
  ],
);

/**
 * The dashboard's rollup: one row per organization, day (UTC) and dimension set, kept in step with message_costs
 * (every change of a cost record moves its old contribution out and its new one in, in the same transaction).
 */
export const spendDaily = pgTable(
  "spend_daily",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    channelId: uuid("channel_id").notNull(),
    category: text("category").notNull(),
    market: text("market").notNull(),
    country: text("country").notNull(),
    senderKind: text("sender_kind").notNull(),
    chargeKind: text("charge_kind").notNull(),
    currency: text("currency").notNull(),
    messages: integer("messages").notNull().default(0),
    amountMicros: bigint("amount_micros", { mode: "number" }).notNull().default(0),
    listMicros: bigint("list_micros", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ name: "spend_daily_pk", columns: [t.organizationId, t.day, t.channelId, t.category, t.market, t.country, t.senderKind, t.chargeKind, t.currency] }),
  ],
);

/** Per-organization spend settings: the billing currency of its cards and the monthly cap (null: no cap). */
export const spendSettings = pgTable("spend_settings", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  currency: text("currency").notNull().default("USD"),
  monthlyBudgetMicros: bigint("monthly_budget_micros", { mode: "number" }),
  updatedAt: updatedAt(),
});

/** In-app budget alerts: one per organization, month and threshold (80 or 100), so each fires once. */
export const spendAlerts = pgTable(
  "spend_alerts",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    month: text("month").notNull(),
    threshold: integer("threshold").notNull(),
    spentMicros: bigint("spent_micros", { mode: "number" }).notNull(),
    budgetMicros: bigint("budget_micros", { mode: "number" }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("spend_alerts_org_month_threshold_key").on(t.organizationId, t.month, t.threshold)],
);

export type RateCard = typeof rateCards.$inferSelect;
export type MessageCost = typeof messageCosts.$inferSelect;
export type SpendAlert = typeof spendAlerts.$inferSelect;
