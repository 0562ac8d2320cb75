import { defineRoutes } from "./define-route";
import { analyticsQuery } from "@/lib/analytics/analytics-range";
import { csvReport } from "@/lib/analytics/analytics-csv";

// The analytics routes of the v1 API (lib/analytics/README.md defines every measure). Days are the organization's.

/** The export's query: a period (and channel) plus which table to download. */
export const analyticsExportQuery = analyticsQuery.extend({ report: csvReport });

export const analyticsRoutes = defineRoutes("analytics", [
  { method: "get", path: "/api/v1/orgs/{orgSlug}/analytics/overview", summary: "Overview: conversations, messages, response and resolution times, bot containment, spend, vs the previous period", access: "analytics.read", query: analyticsQuery },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/analytics/agents", summary: "Per member: conversations handled, response and resolution times, messages, time online", access: "analytics.read", query: analyticsQuery },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/analytics/flows", summary: "Per flow: sessions started, completed, dropped and handed off", access: "analytics.read", query: analyticsQuery },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/analytics/flows/{flowId}", summary: "One flow's per-node funnel", access: "analytics.read" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/analytics/export", summary: "Download a report as CSV (series, channels, agents or flows)", access: "analytics.read", query: analyticsExportQuery },
]);
