"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AgentRow } from "@/lib/analytics/get-agent-stats";
import { CsvLink } from "./csv-link";
import { formatDuration } from "./format-duration";
import { RangePicker } from "./range-picker";
import { useAnalyticsRange } from "./use-analytics-range";

type AgentStats = { agents: AgentRow[] };

/** Per member: conversations handled, messages sent, first response and resolution (median / p90), time online. */
export function AgentsReport({ orgSlug, today, initial }: { orgSlug: string; today: string; initial: AgentStats }) {
  const t = useTranslations("analytics");
  const range = useAnalyticsRange(today);
  const q = useQuery({
    queryKey: ["analytics-agents", orgSlug, range.query],
    queryFn: ({ signal }) => apiFetch<AgentStats>(`/api/v1/orgs/${orgSlug}/analytics/agents?${range.query}`, { signal }),
    initialData: range.isDefault ? initial : undefined,
    placeholderData: (prev) => prev,
  });
  const agents = (q.data ?? initial).agents;
  return (
    <div className="grid min-w-0 grid-cols-1 gap-4" data-testid="agents-report">
      <RangePicker preset={range.preset} onPreset={range.setPreset}>
        <CsvLink orgSlug={orgSlug} report="agents" query={range.query} label={t("csv")} />
      </RangePicker>
      <div className="overflow-x-auto rounded-md border">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("agents.member")}</TableHead>
              <TableHead className="text-right">{t("agents.handled")}</TableHead>
              <TableHead className="text-right">{t("agents.messages")}</TableHead>
              <TableHead className="text-right">{t("measures.firstResponseMedian")}</TableHead>
              <TableHead className="text-right">{t("measures.firstResponseP90")}</TableHead>
              <TableHead className="text-right">{t("measures.resolutionMedian")}</TableHead>
              <TableHead className="text-right">{t("measures.resolutionP90")}</TableHead>
              <TableHead className="text-right">{t("agents.available")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {agents.map((a) => (
              <TableRow key={a.userId}>
                <TableCell className="max-w-48 truncate" title={a.email}>
                  {a.name}
                </TableCell>
                <TableCell className="text-right tabular-nums">{a.conversationsHandled}</TableCell>
                <TableCell className="text-right tabular-nums">{a.messagesSent}</TableCell>
                <TableCell className="text-right tabular-nums">{formatDuration(a.firstResponse.medianSeconds)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatDuration(a.firstResponse.p90Seconds)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatDuration(a.resolution.medianSeconds)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatDuration(a.resolution.p90Seconds)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatDuration(a.availableSeconds)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <p className="text-xs text-muted-foreground">{t("agents.note")}</p>
    </div>
  );
}
