import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { periodDays, type AnalyticsRange, type Period } from "./analytics-range";
import { botOutcomes, type BotOutcome } from "./bot-outcomes";
import { countConversations } from "./count-conversations";
import { countMessages } from "./count-messages";
import { firstResponses } from "./first-responses";
import { summarizeDurations, type DurationSummary } from "./percentile";
import { queryRows } from "./query-rows";
import { resolutions } from "./resolutions";
import { spendByDay } from "./spend-by-day";

export type Measures = {
  opened: number;
  closed: number;
  messagesIn: number;
  messagesOut: number;
  firstResponse: DurationSummary;
  resolution: DurationSummary;
  botConversations: number;
  contained: number;
  handedOff: number;
  /** contained / botConversations; null when the bot ran no conversation. */
  containmentRate: number | null;
  handoffRate: number | null;
  spendMicros: number | null;
};
export type SeriesPoint = { day: string; previousDay: string; opened: number; closed: number; messagesIn: number; messagesOut: number; spendMicros: number; previous: { opened: number; closed: number; messagesIn: number; messagesOut: number; spendMicros: number } };

type Counted = { day: string; channelId: string; count: number };
const sum = (rows: Counted[], keep: (r: Counted) => boolean = () => true) => rows.reduce((n, r) => (keep(r) ? n + r.count : n), 0);
const rate = (n: number, d: number) => (d > 0 ? n / d : null);

/**
 * Everything the overview page shows for a range: totals (and the previous period's, for the comparison), one row
 * per channel, a day-by-day series aligned with the previous period day for day, and spend when the caller may see
 * it. Counts for both periods come from one query each over the two periods together.
 */
export async function getOverview(organizationId: string, range: AnalyticsRange, options: { withSpend: boolean }) {
  const db = getDb();
  const both: Period = { from: range.previous.from, to: range.to };
  // Independent reads: issued together so the page waits for the slowest, not the sum (postgres.js runs them on
  // separate pool connections; PGlite queues them).
  const [conv, msgs, spend, firsts, prevFirsts, closes, prevCloses, bots, prevBots, channels] = await Promise.all([
    countConversations(db, organizationId, range, both),
    countMessages(db, organizationId, range, both),
    options.withSpend ? spendByDay(db, organizationId, both, range.channelId) : null,
    firstResponses(db, organizationId, range, range),
    firstResponses(db, organizationId, range, range.previous),
    resolutions(db, organizationId, range, range),
    resolutions(db, organizationId, range, range.previous),
    botOutcomes(db, organizationId, range, range),
    botOutcomes(db, organizationId, range, range.previous),
    queryRows<{ id: string; name: string; number: string | null }>(
      db,
      sql`select id, name, display_phone_number as number from channels where organization_id = ${organizationId} order by name`,
    ),
  ]);
  const spendRows = (spend?.rows ?? []).map((r) => ({ day: r.day, channelId: r.channelId, count: r.amountMicros }));

  const measures = (period: Period, keep: (channelId: string) => boolean, f: typeof firsts, c: typeof closes, b: BotOutcome[]): Measures => {
    const within = (r: Counted) => r.day >= period.from && r.day < period.to && keep(r.channelId);
    const bot = b.filter((x) => keep(x.channelId));
    const botConversations = bot.reduce((n, x) => n + x.botConversations, 0);
    const contained = bot.reduce((n, x) => n + x.contained, 0);
    const handedOff = bot.reduce((n, x) => n + x.handedOff, 0);
    return {
      opened: sum(conv.opened, within),
      closed: sum(conv.closed, within),
      messagesIn: sum(msgs.inbound, within),
      messagesOut: sum(msgs.outbound, within),
      firstResponse: summarizeDurations(f.filter((x) => keep(x.channelId)).map((x) => x.seconds)),
      resolution: summarizeDurations(c.filter((x) => keep(x.channelId)).map((x) => x.seconds)),
      botConversations,
      contained,
      handedOff,
      containmentRate: rate(contained, botConversations),
      handoffRate: rate(handedOff, botConversations),
      spendMicros: spend ? sum(spendRows, within) : null,
    };
  };
  const all = () => true;

  const days = periodDays(range);
  const previousDays = periodDays(range.previous);
  const perDay = (rows: Counted[]) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(r.day, (m.get(r.day) ?? 0) + r.count);
    return (d: string) => m.get(d) ?? 0;
  };
  const [o, c, i, out, s] = [perDay(conv.opened), perDay(conv.closed), perDay(msgs.inbound), perDay(msgs.outbound), perDay(spendRows)];
  const series: SeriesPoint[] = days.map((day, k) => {
    const p = previousDays[k];
    return { day, previousDay: p, opened: o(day), closed: c(day), messagesIn: i(day), messagesOut: out(day), spendMicros: s(day), previous: { opened: o(p), closed: c(p), messagesIn: i(p), messagesOut: out(p), spendMicros: s(p) } };
  });

  return {
    range,
    currency: spend?.currency ?? null,
    channels: channels.map((ch) => ({ id: ch.id, label: ch.number ? `${ch.name} (${ch.number})` : ch.name })),
    totals: measures(range, all, firsts, closes, bots),
    previousTotals: measures(range.previous, all, prevFirsts, prevCloses, prevBots),
    byChannel: channels
      .filter((ch) => !range.channelId || ch.id === range.channelId)
      .map((ch) => ({ channelId: ch.id, label: ch.number ? `${ch.name} (${ch.number})` : ch.name, ...measures(range, (id) => id === ch.id, firsts, closes, bots) })),
    series,
    // Campaigns do not exist yet (issue #11): the funnel card says so instead of showing invented figures.
    campaigns: { available: false as const },
  };
}

export type Overview = Awaited<ReturnType<typeof getOverview>>;
