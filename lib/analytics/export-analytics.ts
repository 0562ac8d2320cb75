import { getDb } from "@/db";
import type { AnalyticsRange } from "./analytics-range";
import { agentsCsv, channelsCsv, flowsCsv, seriesCsv, type CsvReport } from "./analytics-csv";
import { flowOutcomes } from "./flow-outcomes";
import { getAgentStats } from "./get-agent-stats";
import { getOverview } from "./get-overview";

/** The CSV of one analytics table for a range (what the page's "Download CSV" buttons fetch). */
export async function exportAnalytics(organizationId: string, report: CsvReport, range: AnalyticsRange, options: { withSpend: boolean }): Promise<string> {
  switch (report) {
    case "series":
      return seriesCsv(await getOverview(organizationId, range, options));
    case "channels":
      return channelsCsv(await getOverview(organizationId, range, options));
    case "agents":
      return agentsCsv((await getAgentStats(organizationId, range)).agents);
    case "flows":
      return flowsCsv(await flowOutcomes(getDb(), organizationId, range));
  }
}
