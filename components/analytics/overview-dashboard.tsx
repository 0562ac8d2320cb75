"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { formatMoney } from "@/components/spend/format-money";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Measures, Overview } from "@/lib/analytics/get-overview";
import { CsvLink } from "./csv-link";
import { formatDuration } from "./format-duration";
import { RangePicker } from "./range-picker";
import { SeriesChart } from "./series-chart";
import { StatCard } from "./stat-card";
import { useAnalyticsRange } from "./use-analytics-range";

/**
 * The overview: headline measures against the previous period, three time series (conversations, messages,
 * spend when the member may see it), the per-number table and the campaign funnel's placeholder. Every chart and
 * table has its CSV.
 */
export function OverviewDashboard({ orgSlug, today, initial }: { orgSlug: string; today: string; initial: Overview }) {
  const t = useTranslations("analytics");
  const locale = useLocale();
  const range = useAnalyticsRange(today);
  const q = useQuery({
    queryKey: ["analytics-overview", orgSlug, range.query],
    queryFn: ({ signal }) => apiFetch<Overview>(`/api/v1/orgs/${orgSlug}/analytics/overview?${range.query}`, { signal }),
    initialData: range.isDefault ? initial : undefined,
    placeholderData: (prev) => prev,
  });
  const data = q.data ?? initial;
  const { totals: cur, previousTotals: prev } = data;
  const pct = (v: number | null) => (v === null ? "—" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(v));
  const money = (micros: number | null) => (micros === null || !data.currency ? "—" : formatMoney(micros, data.currency, locale, 2));
  const vs = (s: string) => t("vsPrevious", { value: s });
  const stats: { key: string; label: string; value: (m: Measures) => string }[] = [
    { key: "opened", label: t("measures.opened"), value: (m) => String(m.opened) },
    { key: "closed", label: t("measures.closed"), value: (m) => String(m.closed) },
    { key: "messagesIn", label: t("measures.messagesIn"), value: (m) => String(m.messagesIn) },
    { key: "messagesOut", label: t("measures.messagesOut"), value: (m) => String(m.messagesOut) },
    { key: "frtMedian", label: t("measures.firstResponseMedian"), value: (m) => formatDuration(m.firstResponse.medianSeconds) },
    { key: "frtP90", label: t("measures.firstResponseP90"), value: (m) => formatDuration(m.firstResponse.p90Seconds) },
    { key: "resMedian", label: t("measures.resolutionMedian"), value: (m) => formatDuration(m.resolution.medianSeconds) },
    { key: "resP90", label: t("measures.resolutionP90"), value: (m) => formatDuration(m.resolution.p90Seconds) },
    { key: "containment", label: t("measures.containment"), value: (m) => pct(m.containmentRate) },
    { key: "handoff", label: t("measures.handoffRate"), value: (m) => pct(m.handoffRate) },
    ...(data.currency ? [{ key: "spend", label: t("measures.spend"), value: (m: Measures) => money(m.spendMicros) }] : []),
  ];
  return (
    <div className="grid min-w-0 grid-cols-1 gap-4" data-testid="overview-dashboard" aria-busy={q.isFetching}>
      <RangePicker preset={range.preset} onPreset={range.setPreset} channels={data.channels} channelId={range.channelId} onChannel={range.setChannelId}>
        <span className="self-center text-xs text-muted-foreground" data-testid="overview-range">
          {t("rangeShown", { from: data.range.from, to: data.range.to, timeZone: data.range.timeZone })}
        </span>
      </RangePicker>
      {q.isError && (
        <p role="alert" className="text-sm text-destructive">
          {t("loadFailed")}
        </p>
      )}

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {stats.map((s) => (
          <StatCard key={s.key} testId={`stat-${s.key}`} label={s.label} value={s.value(cur)} previous={vs(s.value(prev))} />
        ))}
      </div>

      <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
        <SeriesChart
          title={t("charts.conversations")}
          testId="series-conversations"
          points={data.series}
          lines={[
            { key: "opened", label: t("measures.opened"), color: "#2563eb" },
            { key: "closed", label: t("measures.closed"), color: "#16a34a" },
          ]}
          action={<CsvLink orgSlug={orgSlug} report="series" query={range.query} label={t("csv")} />}
        />
        <SeriesChart
          title={t("charts.messages")}
          testId="series-messages"
          points={data.series}
          lines={[
            { key: "messagesIn", label: t("measures.messagesIn"), color: "#9333ea" },
            { key: "messagesOut", label: t("measures.messagesOut"), color: "#ea580c" },
          ]}
          action={<CsvLink orgSlug={orgSlug} report="series" query={range.query} label={t("csv")} />}
        />
        {data.currency && (
          <SeriesChart
            title={t("charts.spend")}
            testId="series-spend"
            points={data.series}
            lines={[{ key: "spendMicros", label: t("measures.spend"), color: "#0891b2" }]}
            format={(v) => money(v)}
            scale={(v) => v / 1e6}
            action={<CsvLink orgSlug={orgSlug} report="series" query={range.query} label={t("csv")} />}
          />
        )}
        <Card data-testid="campaign-funnel">
          <CardHeader>
            <CardTitle className="text-base">
              <h2>{t("campaigns.title")}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">{t("campaigns.unavailable")}</CardContent>
        </Card>
      </div>

      <Card data-testid="by-channel">
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
          <CardTitle className="text-base">
            <h2>{t("charts.byChannel")}</h2>
          </CardTitle>
          <CsvLink orgSlug={orgSlug} report="channels" query={range.query} label={t("csv")} />
        </CardHeader>
        <CardContent className="overflow-x-auto">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("channel")}</TableHead>
                <TableHead className="text-right">{t("measures.opened")}</TableHead>
                <TableHead className="text-right">{t("measures.closed")}</TableHead>
                <TableHead className="text-right">{t("measures.messagesIn")}</TableHead>
                <TableHead className="text-right">{t("measures.messagesOut")}</TableHead>
                <TableHead className="text-right">{t("measures.firstResponseMedian")}</TableHead>
                <TableHead className="text-right">{t("measures.resolutionMedian")}</TableHead>
                <TableHead className="text-right">{t("measures.containment")}</TableHead>
                <TableHead className="text-right">{t("measures.handoffRate")}</TableHead>
                {data.currency && <TableHead className="text-right">{t("measures.spend")}</TableHead>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.byChannel.map((c) => (
                <TableRow key={c.channelId}>
                  <TableCell className="max-w-48 truncate">{c.label}</TableCell>
                  <TableCell className="text-right tabular-nums">{c.opened}</TableCell>
                  <TableCell className="text-right tabular-nums">{c.closed}</TableCell>
                  <TableCell className="text-right tabular-nums">{c.messagesIn}</TableCell>
                  <TableCell className="text-right tabular-nums">{c.messagesOut}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatDuration(c.firstResponse.medianSeconds)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatDuration(c.resolution.medianSeconds)}</TableCell>
                  <TableCell className="text-right tabular-nums">{pct(c.containmentRate)}</TableCell>
                  <TableCell className="text-right tabular-nums">{pct(c.handoffRate)}</TableCell>
                  {data.currency && <TableCell className="text-right tabular-nums">{money(c.spendMicros)}</TableCell>}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
