"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";

import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SeriesPoint } from "@/lib/analytics/get-overview";

type Measure = "opened" | "closed" | "messagesIn" | "messagesOut" | "spendMicros";
type SeriesLine = { key: Measure; label: string; color: string };

type SeriesChartProps = {
  title: string;
  testId: string;
  points: SeriesPoint[];
  lines: SeriesLine[];
  format?: (v: number) => string;
  /** Chart heights only: e.g. micros → currency units. */
  scale?: (v: number) => number;
  action?: React.ReactNode;
};

/**
 * One measure family over the range, day by day (solid) against the previous period (dashed, same day offset),
 * with the numbers as a table below the chart.
 */
export function SeriesChart({ title, testId, points, lines, format = String, scale = (v) => v, action }: SeriesChartProps) {
  const t = useTranslations("analytics");
  const data = points.map((p) => ({
    day: p.day.slice(5),
    ...Object.fromEntries(lines.flatMap((l) => [[l.key, scale(p[l.key])], [`prev_${l.key}`, scale(p.previous[l.key])]])),
  }));
  return (
    <Card data-testid={testId}>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle className="text-base">
          <h2>{title}</h2>
        </CardTitle>
        {action}
      </CardHeader>
      <CardContent className="grid gap-3">
        <div className="h-56 w-full min-w-0" data-testid={`${testId}-chart`}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ left: 0, right: 8, top: 8, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={16} />
              <YAxis tick={{ fontSize: 11 }} width={48} allowDecimals={false} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {lines.map((l) => (
                <Line key={l.key} type="monotone" dataKey={l.key} name={l.label} stroke={l.color} dot={false} isAnimationActive={false} />
              ))}
              {lines.map((l) => (
                <Line key={`prev_${l.key}`} type="monotone" dataKey={`prev_${l.key}`} name={t("previousOf", { name: l.label })} stroke={l.color} strokeDasharray="4 4" strokeOpacity={0.5} dot={false} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <details>
          <summary className="cursor-pointer text-sm text-muted-foreground">{t("showNumbers")}</summary>
          <div className="max-h-64 overflow-auto">
            <Table data-testid={`${testId}-table`}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("day")}</TableHead>
                  {lines.map((l) => (
                    <TableHead key={l.key} className="text-right">
                      {l.label}
                    </TableHead>
                  ))}
                  <TableHead>{t("previousDay")}</TableHead>
                  {lines.map((l) => (
                    <TableHead key={`p${l.key}`} className="text-right">
                      {t("previousOf", { name: l.label })}
                    </TableHead>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {points.map((p) => (
                  <TableRow key={p.day}>
                    <TableCell>{p.day}</TableCell>
                    {lines.map((l) => (
                      <TableCell key={l.key} className="text-right tabular-nums">
                        {format(p[l.key])}
                      </TableCell>
                    ))}
                    <TableCell>{p.previousDay}</TableCell>
                    {lines.map((l) => (
                      <TableCell key={`p${l.key}`} className="text-right tabular-nums">
                        {format(p.previous[l.key])}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </details>
      </CardContent>
    </Card>
  );
}
