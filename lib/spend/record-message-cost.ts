import { and, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { channels, contacts, conversations, messageCosts, messages, organizations, spendSettings, templates, type MessageCost } from "@/db/schema";
import type { MessageStatus } from "@/lib/whatsapp/webhook/status-schema";
import { monthDelta, spendRollupWrites } from "./apply-spend-rollup";
import { budgetAlertsWrite } from "./check-budget-alerts";
import { estimateMessageCost } from "./estimate-message-cost";
import { findListPrice, rateCardsVersion } from "./find-list-price";
import { findMarket } from "./find-market";
import { monthRange } from "./month-spend";
import { publishSpendChanged } from "./publish-spend-changed";
import { toRateCardCategory, type RateCardCategory } from "./rate-card-categories";

const CONFIRMED = new Set(["delivered", "read", "played"]);
const FREE_TYPES = new Set(["free_customer_service", "free_entry_point"]);

/**
 * Keeps the one cost record of an outbound message in step with its statuses. Called by applyStatus
 * (lib/whatsapp/ingest/apply-status.ts) right after it moved the message row, inside the same transaction (that
 * update holds the row's lock, so two statuses of one message never price it at once). Every call re-derives the
 * whole record from the message row and the kept `pricing`, so duplicated and out-of-order statuses converge:
 * - `pricing`: the first one seen, replaced once by a delivered/read one (Meta's confirmed figure);
 * - `state` follows the message: estimated (sent), confirmed (delivered/read/played), failed (never charged);
 * - with `pricing`, Meta decides: `type: regular` (or, on old payloads, `billable: true`) is charged at the card's
 *   list price for its category and the recipient's market; free_customer_service / free_entry_point are free and
 *   their list price is the saving. Without it, Papo estimates (estimate-message-cost.ts) until Meta's signal comes.
 * Channels without Meta pricing (Evolution) get no record.
 * Cost (issue #11): one read (message, recipient, record so far, spend settings, rate cards' version) and one write
 * (record, rollup, budget alerts as data-modifying CTEs); nothing written when nothing changed. Markets and prices
 * come from per-process copies; only an estimate that needs the month's service allowance adds a statement.
 */
export async function recordMessageCost(db: Db, args: { organizationId: string; messageId: string; status: MessageStatus }): Promise<void> {
  // Statement 1: the message, its record so far, the organization's settings and its rate cards' version.
  const m = await loadMessage(db, args.organizationId, args.messageId);
  // A flow editor's test conversation is no one's spend (and runs on the sandbox, which Meta never bills).
  if (!m || m.direction !== "outbound" || (m.provider as string) === "evolution" || m.isTest) return;
  const before = m.before ?? undefined;

  let pricing = before?.pricing ?? null;
  let pricingStatus = before?.pricingStatus ?? null;
  const incoming = args.status.pricing;
  if (incoming && (!pricing || (pricingStatus === "sent" && CONFIRMED.has(args.status.status)))) {
    pricing = incoming;
    pricingStatus = args.status.status;
  }

  const state = m.status === "failed" ? "failed" : CONFIRMED.has(m.status) ? "confirmed" : "estimated";
  const pricedAt = m.sentAt ?? m.deliveredAt ?? m.readAt ?? m.playedAt ?? m.failedAt ?? m.createdAt;
  const currency = m.currency ?? "USD";
  const version = m.rateCardsVersion;
  const ownCategory: RateCardCategory = m.type === "template" ? (toRateCardCategory(m.templateCategory) ?? "marketing") : "service";
  const category = toRateCardCategory(pricing?.category) ?? ownCategory;
  const toE164 = m.phoneE164 ?? (args.status.recipient_id ? `+${args.status.recipient_id}` : (m.waId ?? ""));
  // Market and prices come from per-process copies (find-market.ts, find-list-price.ts): no statement.
  const market = await findMarket(db, toE164);
  const list = await findListPrice(db, { organizationId: args.organizationId, currency, market, category, at: pricedAt, version });

  let chargeKind: string;
  let amountMicros = 0;
  if (state === "failed") chargeKind = "failed";
  else if (pricing) {
    const type = typeof pricing.type === "string" ? pricing.type : null;
    if (type === "regular" || (type === null && pricing.billable === true)) {
      chargeKind = list ? "paid" : "unpriced";
      amountMicros = list?.priceMicros ?? 0;
    } else chargeKind = type && FREE_TYPES.has(type) ? type : "free_other";
  } else {
    // Only a card that prices service costs a statement here (the month's allowance count).
    const estimate = await estimateMessageCost({
      db,
      orgId: args.organizationId,
      toE164,
      category: ownCategory,
      windowOpen: !!m.windowExpiresAt && m.windowExpiresAt.getTime() > pricedAt.getTime(),
      at: pricedAt,
      channelId: m.channelId,
      excludeMessageId: m.id,
      currency,
      rateCardsVersion: version,
    });
    if (estimate.free) chargeKind = estimate.reason === "service_allowance" ? "free_allowance" : "free_customer_service";
    else {
      chargeKind = estimate.amountMicros === null ? "unpriced" : "paid";
      amountMicros = estimate.amountMicros ?? 0;
    }
  }

  const record = {
    organizationId: args.organizationId,
    messageId: m.id,
    channelId: m.channelId,
    conversationId: m.conversationId,
    waMessageId: m.waMessageId,
    senderKind: m.sender === "user" ? (m.senderUserId ? "member" : "api") : m.sender,
    senderUserId: m.senderUserId,
    state,
    chargeKind,
    pricingSource: pricing ? "meta" : "papo",
    pricing,
    pricingStatus,
    pricingType: typeof pricing?.type === "string" ? pricing.type : null,
    pricingModel: typeof pricing?.pricing_model === "string" ? pricing.pricing_model : null,
    billable: typeof pricing?.billable === "boolean" ? pricing.billable : null,
    category,
    market: list?.market ?? market.market,
    country: market.country,
    currency,
    amountMicros,
    listMicros: list?.priceMicros ?? 0,
    pricedAt,
  } satisfies Omit<MessageCost, "id" | "createdAt" | "updatedAt">;
  // A duplicate status (or a read after delivered with nothing new) changes nothing: no write at all.
  if (before && unchanged(before, record)) return;

  // Statement 2: the record, the daily rollup and the budget alerts together (data-modifying CTEs).
  const upsert = db.insert(messageCosts).values(record).onConflictDoUpdate({ target: messageCosts.messageId, set: { ...record, updatedAt: new Date() } });
  const rollup = spendRollupWrites(before, record, m.timeZone);
  // Drizzle puts an embedded query in parentheses itself.
  const ctes = [sql`record as ${upsert}`, ...rollup.map((w, i) => sql`${sql.raw(`rollup${i}`)} as (${w})`)];
  const budget = m.monthlyBudgetMicros;
  const grew = record.chargeKind !== "failed" && record.amountMicros > (before && before.chargeKind !== "failed" ? before.amountMicros : 0);
  if (budget && budget > 0 && grew) {
    const delta = monthDelta(before, record, currency, monthRange(pricedAt, m.timeZone).month, m.timeZone);
    ctes.push(sql`alerts as (${budgetAlertsWrite({ organizationId: args.organizationId, currency, budgetMicros: budget, at: pricedAt, timeZone: m.timeZone, delta })})`);
  }
  const alerting = ctes.length > rollup.length + 1;
  const res = (await db.execute(sql`with ${sql.join(ctes, sql`, `)} select ${alerting ? sql`(select count(*) from alerts)::int` : sql`0`} as alerts`)) as unknown;
  // postgres.js returns the rows, PGlite `{ rows }`.
  const [row] = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as { alerts: number }[];
  publishSpendChanged(args.organizationId, "changed");
  if (Number(row?.alerts ?? 0) > 0) publishSpendChanged(args.organizationId, "alert");
}

const RECORD_FIELDS = [
  "conversationId", "waMessageId", "senderKind", "senderUserId", "state", "chargeKind", "pricingSource", "pricingStatus", "pricingType",
  "pricingModel", "billable", "category", "market", "country", "currency", "amountMicros", "listMicros", "channelId",
] as const;

function unchanged(before: MessageCost, record: Omit<MessageCost, "id" | "createdAt" | "updatedAt">): boolean {
  return (
    RECORD_FIELDS.every((f) => before[f] === record[f]) &&
    before.pricedAt.getTime() === record.pricedAt.getTime() &&
    JSON.stringify(before.pricing) === JSON.stringify(record.pricing)
  );
}

async function loadMessage(db: Db, organizationId: string, messageId: string) {
  const [row] = await db
    .select({
      id: messages.id,
      channelId: messages.channelId,
      conversationId: messages.conversationId,
      direction: messages.direction,
      type: messages.type,
      status: messages.status,
      waMessageId: messages.waMessageId,
      sender: messages.sender,
      senderUserId: messages.senderUserId,
      createdAt: messages.createdAt,
      sentAt: messages.sentAt,
      deliveredAt: messages.deliveredAt,
      readAt: messages.readAt,
      playedAt: messages.playedAt,
      failedAt: messages.failedAt,
      provider: channels.provider,
      windowExpiresAt: conversations.windowExpiresAt,
      isTest: conversations.isTest,
      phoneE164: contacts.phoneE164,
      waId: contacts.waId,
      templateCategory: templates.category,
      before: getTableColumns(messageCosts),
      currency: spendSettings.currency,
      monthlyBudgetMicros: spendSettings.monthlyBudgetMicros,
      timeZone: organizations.timeZone,
      rateCardsVersion: rateCardsVersion(messages.organizationId),
    })
    .from(messages)
    .innerJoin(channels, eq(channels.id, messages.channelId))
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(
      templates,
      and(
        eq(templates.organizationId, messages.organizationId),
        eq(templates.wabaId, channels.wabaId),
        eq(templates.name, sqlText(messages.content, "name")),
        eq(templates.language, sqlText(messages.content, "language")),
      ),
    )
    .leftJoin(messageCosts, and(eq(messageCosts.organizationId, messages.organizationId), eq(messageCosts.messageId, messages.id)))
    .leftJoin(spendSettings, eq(spendSettings.organizationId, messages.organizationId))
    .innerJoin(organizations, eq(organizations.id, messages.organizationId))
    .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId)))
    .limit(1);
  return row;
}

const sqlText = (column: AnyPgColumn, key: string): SQL<string> => sql<string>`${column}->>${key}`;
