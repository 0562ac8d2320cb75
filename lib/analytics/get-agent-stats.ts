import { getDb } from "@/db";
import { listMembers } from "./list-members";
import type { AnalyticsRange } from "./analytics-range";
import { availabilitySeconds } from "./availability";
import { firstResponses } from "./first-responses";
import { memberActivity } from "./member-activity";
import { summarizeDurations, type DurationSummary } from "./percentile";
import { resolutions } from "./resolutions";

export type AgentRow = {
  userId: string;
  name: string;
  email: string;
  conversationsHandled: number;
  messagesSent: number;
  firstResponse: DurationSummary;
  resolution: DurationSummary;
  availableSeconds: number;
};

/** The agents report: one row per current member, every measure over the same range and conversation scope. */
export async function getAgentStats(organizationId: string, range: AnalyticsRange): Promise<{ range: AnalyticsRange; agents: AgentRow[] }> {
  const db = getDb();
  const [members, activity, firsts, closes, online] = [
    await listMembers(db, organizationId),
    await memberActivity(db, organizationId, range),
    await firstResponses(db, organizationId, range, range),
    await resolutions(db, organizationId, range, range),
    await availabilitySeconds(db, organizationId, range),
  ];
  const agents = members.map((m) => ({
    userId: m.userId,
    name: m.name,
    email: m.email,
    conversationsHandled: activity.get(m.userId)?.conversations ?? 0,
    messagesSent: activity.get(m.userId)?.messages ?? 0,
    firstResponse: summarizeDurations(firsts.filter((f) => f.userId === m.userId).map((f) => f.seconds)),
    resolution: summarizeDurations(closes.filter((r) => r.userId === m.userId).map((r) => r.seconds)),
    availableSeconds: Math.round(online.get(m.userId) ?? 0),
  }));
  agents.sort((a, b) => b.conversationsHandled - a.conversationsHandled || a.name.localeCompare(b.name));
  return { range, agents };
}
