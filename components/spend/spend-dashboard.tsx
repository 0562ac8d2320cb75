"use client";

import * as React from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { DownloadIcon, RadioIcon } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { io } from "socket.io-client";

import { apiFetch } from "@/components/api/api-fetch";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { getSpendSummary } from "@/lib/spend/get-spend-summary";
import { formatMoney } from "./format-money";
import { SpendBreakdown } from "./spend-breakdown";
import { SpendSeriesChart } from "./spend-series-chart";

export type SpendSummary = Awaited<ReturnType<typeof getSpendSummary>>;
type Preset = "last7" | "last30" | "last90" | "thisMonth";

function rangeOf(preset: Preset, granularity: "day" | "month") {
  const now = new Date();
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const days = { last7: 7, last30: 30, last90: 90, thisMonth: now.getUTCDate() }[preset];
  const from = new Date(to.getTime() - days * 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10), granularity };
}

/**
 * The spend page: a period picker, totals, the series (by day or month) and breakdowns, each chart with its numbers
 * as a table, CSV export, and the today-so-far panel kept live by the `spend` socket ping (and a 30 s poll).
 */
export function SpendDashboard({ orgSlug, initial }: { orgSlug: string; initial: SpendSummary }) {
  const t = useTranslations("spend");
  const locale = useLocale();
  const [preset, setPreset] = React.useState<Preset>("last30");
  const [granularity, setGranularity] = React.useState<"day" | "month">("day");
  const range = rangeOf(preset, granularity);
  const params = new URLSearchParams(range).toString();
  const queryClient = useQueryClient();
  const q = useQuery({
    queryKey: ["spend-summary", orgSlug, params],
    queryFn: ({ signal }) => apiFetch<SpendSummary>(`/api/v1/orgs/${orgSlug}/spend/summary?${params}`, { signal }),
    initialData: preset === "last30" && granularity === "day" ? initial : undefined,
    refetchInterval: 30_000,
  });
  const [live, setLive] = React.useState(false);
  React.useEffect(() => {
    const socket = io({ path: "/socket.io", auth: { orgSlug }, withCredentials: true, transports: ["websocket", "polling"] });
    let timer: ReturnType<typeof setTimeout> | undefined;
    socket.on("connect", () => setLive(true));
    socket.on("disconnect", () => setLive(false));
    // The ping carries no figures (every member is in the room): refetch through the permission-checked API.
    socket.on("spend", () => {
      clearTimeout(timer);
      timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: ["spend-summary", orgSlug] }), 500);
    });
    return () => {
      clearTimeout(timer);
      socket.disconnect();
    };
  }, [orgSlug, queryClient]);

  const data = q.data ?? initial;
  // Keys from the data (categories, charge kinds, sender kinds) are looked up loosely: an unknown one shows as it is.
  const label = (prefix: string, key: string) => {
    const k = `${prefix}.${key}` as Parameters<typeof t>[0];
    return t.has(k) ? t(k) : key;
  };
  const money = (micros: number) => formatMoney(micros, data.currency, locale, 2);
  const month = data.month;
  return (
    <div className="grid min-w-0 gap-4" data-testid="spend-dashboard">
      <div className="flex flex-wrap items-center gap-2">
        <label className="text-sm text-muted-foreground" htmlFor="spend-range">
          {t("range.label")}
        </label>
        <select id="spend-range" value={preset} onChange={(e) => setPreset(e.target.value as Preset)} className="h-9 max-w-full min-w-0 rounded-md border bg-background px-2 text-sm">
          {(["last7", "last30", "last90", "thisMonth"] as const).map((p) => (
            <option key={p} value={p}>
              {t(`range.${p}`)}
            </option>
          ))}
        </select>
        <select aria-label={t("range.byDay")} value={granularity} onChange={(e) => setGranularity(e.target.value as "day" | "month")} className="h-9 max-w-full min-w-0 rounded-md border bg-background px-2 text-sm">
          <option value="day">{t("range.byDay")}</option>
          <option value="month">{t("range.byMonth")}</option>
        </select>
        <Button asChild variant="outline" size="sm" className="ml-auto">
          <a href={`/api/v1/orgs/${orgSlug}/spend/export?${new URLSearchParams({ from: range.from, to: range.to })}`} download>
            <DownloadIcon aria-hidden="true" />
            {t("export")}
          </a>
        </Button>
      </div>

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("totals.spent")} value={money(data.totals.amountMicros)} testId="spend-total" />
        <Stat label={t("totals.messages")} value={String(data.totals.messages)} />
        <Stat label={t("totals.free")} value={String(data.totals.messages - data.totals.paidMessages)} />
        <Stat label={t("totals.saved")} value={money(data.totals.savedMicros)} />
      </div>

      <div className="grid gap-3 md:grid-cols-2">
        <Card data-testid="spend-today">
          <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-1">
            <CardTitle className="text-base">{t("today.title")}</CardTitle>
            {live && (
              <span className="flex items-center gap-1 text-xs text-emerald-600">
                <RadioIcon aria-hidden="true" className="size-3.5" />
                {t("today.live")}
              </span>
            )}
          </CardHeader>
          <CardContent className="text-2xl font-semibold tabular-nums break-words">
            {money(data.today.amountMicros)}
            <span className="ml-2 text-sm font-normal text-muted-foreground">
              {data.today.messages} {t("totals.messages").toLowerCase()}
            </span>
          </CardContent>
        </Card>
        <Card data-testid="spend-budget">
          <CardHeader>
            <CardTitle className="text-base">{t("budget.title")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-2 text-sm">
            {month.budgetMicros ? (
              <>
                <div className="h-2 overflow-hidden rounded bg-muted">
                  <div className={month.percent! >= 100 ? "h-full bg-destructive" : month.percent! >= 80 ? "h-full bg-amber-500" : "h-full bg-primary"} style={{ width: `${Math.min(100, month.percent!)}%` }} />
                </div>
                <span>{t("budget.used", { percent: month.percent!, budget: money(month.budgetMicros) })}</span>
              </>
            ) : (
              <span className="text-muted-foreground">{t("budget.none")}</span>
            )}
            {month.alerts.map((a) => (
              <span key={a.threshold} role="status" className={a.threshold >= 100 ? "text-destructive" : "text-amber-700"}>
                {t(a.threshold >= 100 ? "budget.alert100" : "budget.alert80")}
              </span>
            ))}
          </CardContent>
        </Card>
      </div>

      <SpendSeriesChart title={t("charts.overTime")} rows={data.series} money={money} />
      {data.totals.messages === 0 && <p className="text-sm text-muted-foreground">{t("empty")}</p>}
      <div className="grid gap-3 lg:grid-cols-2">
        <SpendBreakdown title={t("charts.byCategory")} rows={data.byCategory.map((r) => ({ ...r, label: label("hint.category", r.key) }))} money={money} />
        <SpendBreakdown title={t("charts.byCharge")} rows={data.byChargeKind.map((r) => ({ ...r, label: label("charge", r.key) }))} money={money} />
        <SpendBreakdown title={t("charts.byCountry")} rows={data.byCountry} money={money} />
        <SpendBreakdown title={t("charts.byNumber")} rows={data.byChannel} money={money} />
        <SpendBreakdown title={t("charts.bySender")} rows={data.bySender.map((r) => ({ ...r, label: label("sender", r.key) }))} money={money} />
      </div>
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Card className="gap-1 py-4">
      <CardContent className="px-4">
        <div className="text-xs text-muted-foreground">{label}</div>
        <div className="text-xl font-semibold tabular-nums break-words" data-testid={testId}>
          {value}
        </div>
      </CardContent>
    </Card>
  );
}
