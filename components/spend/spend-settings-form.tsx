"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

import { ApiError, apiFetch } from "@/components/api/api-fetch";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type CardRow = { id: string; currency: string; effectiveFrom: string; source: string; prices: number; shared: boolean };

/** Settings → Budget and rate cards: the monthly cap and the organization's rate-card uploads. */
export function SpendSettingsForm({ orgSlug, canManage, currency, budget, cards }: { orgSlug: string; canManage: boolean; currency: string; budget: string; cards: CardRow[] }) {
  const t = useTranslations("spend.settings");
  const router = useRouter();
  const [value, setValue] = React.useState(budget);
  const [status, setStatus] = React.useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = React.useState(false);
  const api = `/api/v1/orgs/${orgSlug}/spend`;

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setStatus(null);
    try {
      await action();
      setStatus({ ok: true, text: done });
      router.refresh();
    } catch (err) {
      setStatus({ ok: false, text: err instanceof ApiError ? [err.message, ...err.issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`)].join(" · ") : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="grid gap-4">
      <Card>
        <CardContent className="grid gap-2 pt-6">
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => apiFetch(`${api}/settings`, { method: "PATCH", body: { monthlyBudget: value.trim() === "" ? null : value.trim() } }), t("saved"));
            }}
          >
            <div className="grid gap-1">
              <Label htmlFor="spend-budget">{t("budgetLabel", { currency })}</Label>
              <Input id="spend-budget" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} disabled={!canManage || busy} className="w-40" placeholder="500.00" />
            </div>
            {canManage && (
              <Button type="submit" disabled={busy}>
                {t("save")}
              </Button>
            )}
          </form>
          {status && (
            <p role="status" className={status.ok ? "text-sm text-emerald-700" : "text-sm text-destructive"}>
              {status.text}
            </p>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("cardsTitle")}</CardTitle>
          <p className="text-sm text-muted-foreground">{t("cardsHelp")}</p>
        </CardHeader>
        <CardContent className="grid gap-3">
          {canManage && (
            <div className="grid gap-1">
              <Label htmlFor="rate-card-file">{t("upload")}</Label>
              <Input
                id="rate-card-file"
                type="file"
                accept=".csv,text/csv"
                disabled={busy}
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  const csv = await file.text();
                  await run(() => apiFetch(`${api}/rate-cards`, { method: "POST", body: { csv, name: file.name } }), t("uploaded"));
                  e.target.value = "";
                }}
              />
            </div>
          )}
          <div className="overflow-x-auto">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("effective")}</TableHead>
                  <TableHead>{t("currency")}</TableHead>
                  <TableHead>{t("source")}</TableHead>
                  <TableHead className="text-right">{t("prices")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {cards.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>{c.effectiveFrom}</TableCell>
                    <TableCell>{c.currency}</TableCell>
                    <TableCell className="max-w-64 truncate">
                      {c.source}
                      {c.shared && <span className="ml-2 text-xs text-muted-foreground">({t("shared")})</span>}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{c.prices}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
