"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";

import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { SpendTable, type SpendRow } from "./spend-table";

/** Spend per day or month as bars (recharts), with the same numbers as a table below. */
export function SpendSeriesChart({ title, rows, money }: { title: string; rows: SpendRow[]; money: (micros: number) => string }) {
  const t = useTranslations("spend.table");
  // Chart heights are display only: the micros become a float here and nowhere else.
  const data = rows.map((r) => ({ key: r.key, amount: r.amountMicros / 1e6, micros: r.amountMicros }));
  return (
    <Card data-testid="spend-series">
      <CardHeader>
        <CardTitle className="text-base">{title}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        <div className="h-56 w-full min-w-0" data-testid="spend-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ left: 0, right: 8, top: 8, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="key" tick={{ fontSize: 11 }} minTickGap={16} />
              <YAxis tick={{ fontSize: 11 }} width={48} />
              <Tooltip formatter={(_v, _n, item) => [money((item.payload as { micros: number }).micros), t("amount")]} />
              <Bar dataKey="amount" fill="var(--color-primary, #2563eb)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <SpendTable rows={rows} money={money} />
      </CardContent>
    </Card>
  );
}
