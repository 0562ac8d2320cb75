"use client";

import * as React from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { NodeFunnelRow } from "@/lib/analytics/flow-node-funnel";
import type { FlowOutcome } from "@/lib/analytics/flow-outcomes";
import { CsvLink } from "./csv-link";
import { RangePicker } from "./range-picker";
import { useAnalyticsRange } from "./use-analytics-range";

type FlowsData = { flows: FlowOutcome[] };

/** Per flow, sessions started in the range and how they ended; a flow opens its per-node funnel (and the canvas). */
export function FlowsReport({ orgSlug, today, initial }: { orgSlug: string; today: string; initial: FlowsData }) {
  const t = useTranslations("analytics");
  const range = useAnalyticsRange(today);
  const [open, setOpen] = React.useState<string | null>(null);
  const q = useQuery({
    queryKey: ["analytics-flows", orgSlug, range.query],
    queryFn: ({ signal }) => apiFetch<FlowsData>(`/api/v1/orgs/${orgSlug}/analytics/flows?${range.query}`, { signal }),
    initialData: range.isDefault ? initial : undefined,
    placeholderData: (prev) => prev,
  });
  const flows = (q.data ?? initial).flows;
  return (
    <div className="grid min-w-0 grid-cols-1 gap-4" data-testid="flows-report">
      <RangePicker preset={range.preset} onPreset={range.setPreset}>
        <CsvLink orgSlug={orgSlug} report="flows" query={range.query} label={t("csv")} />
      </RangePicker>
      {flows.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("flows.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("flows.flow")}</TableHead>
                <TableHead className="text-right">{t("flows.started")}</TableHead>
                <TableHead className="text-right">{t("flows.completed")}</TableHead>
                <TableHead className="text-right">{t("flows.dropped")}</TableHead>
                <TableHead className="text-right">{t("flows.handedOff")}</TableHead>
                <TableHead className="text-right">{t("flows.live")}</TableHead>
                <TableHead>
                  <span className="sr-only">{t("flows.nodes")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {flows.map((f) => (
                <TableRow key={f.flowId}>
                  <TableCell className="max-w-48 truncate">{f.name}</TableCell>
                  <TableCell className="text-right tabular-nums">{f.started}</TableCell>
                  <TableCell className="text-right tabular-nums">{f.completed}</TableCell>
                  <TableCell className="text-right tabular-nums">{f.droppedOff}</TableCell>
                  <TableCell className="text-right tabular-nums">{f.handedOff}</TableCell>
                  <TableCell className="text-right tabular-nums">{f.live}</TableCell>
                  <TableCell>
                    <Button variant="ghost" size="sm" aria-expanded={open === f.flowId} onClick={() => setOpen(open === f.flowId ? null : f.flowId)}>
                      {t("flows.nodes")}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {open && <NodeFunnel orgSlug={orgSlug} flowId={open} />}
    </div>
  );
}

function NodeFunnel({ orgSlug, flowId }: { orgSlug: string; flowId: string }) {
  const t = useTranslations("analytics.flows");
  const q = useQuery({
    queryKey: ["analytics-flow-nodes", orgSlug, flowId],
    queryFn: ({ signal }) => apiFetch<{ versionId: string | null; nodes: NodeFunnelRow[] }>(`/api/v1/orgs/${orgSlug}/analytics/flows/${flowId}`, { signal }),
  });
  if (!q.data) return <p className="text-sm text-muted-foreground">{q.isError ? t("loadFailed") : "…"}</p>;
  return (
    <section className="grid gap-2" data-testid="node-funnel">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-medium">{t("funnelTitle")}</h2>
        <Button asChild variant="outline" size="sm">
          <Link href={`/${orgSlug}/flows/${flowId}`}>{t("openCanvas")}</Link>
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">{q.data.versionId ? t("funnelNote") : t("unpublished")}</p>
      <div className="overflow-x-auto rounded-md border">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("node")}</TableHead>
              <TableHead className="text-right">{t("entered")}</TableHead>
              <TableHead className="text-right">{t("completed")}</TableHead>
              <TableHead className="text-right">{t("dropped")}</TableHead>
              <TableHead className="text-right">{t("handedOff")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {q.data.nodes.map((n) => (
              <TableRow key={n.nodeId}>
                <TableCell className="max-w-48 truncate">
                  {n.label} <span className="text-xs text-muted-foreground">({n.type})</span>
                </TableCell>
                <TableCell className="text-right tabular-nums">{n.entered}</TableCell>
                <TableCell className="text-right tabular-nums">{n.completed}</TableCell>
                <TableCell className="text-right tabular-nums">{n.dropped}</TableCell>
                <TableCell className="text-right tabular-nums">{n.handedOff}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
