"use client";

import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { SpendTable, type SpendRow } from "./spend-table";

/** One breakdown (category, country, number, sender, free vs paid): horizontal bars of messages, and the table. */
export function SpendBreakdown({ title, rows, money }: { title: string; rows: SpendRow[]; money: (micros: number) => string }) {
  const data = rows.slice(0, 8).map((r) => ({ name: r.label ?? r.key, messages: r.messages }));
  return (
    <Card data-testid="spend-breakdown">
      <CardHeader>
        <CardTitle className="text-base">{title}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        {data.length > 0 && (
          <div className="w-full min-w-0" style={{ height: 32 + data.length * 28 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} layout="vertical" margin={{ left: 0, right: 8, top: 0, bottom: 0 }}>
                <XAxis type="number" hide />
                <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 11 }} />
                <Tooltip />
                <Bar dataKey="messages" fill="var(--color-primary, #2563eb)" radius={[0, 3, 3, 0]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
        <SpendTable rows={rows} money={money} />
      </CardContent>
    </Card>
  );
}
