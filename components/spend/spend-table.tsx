"use client";

import { useTranslations } from "next-intl";

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type SpendRow = { key: string; label?: string; messages: number; amountMicros: number; savedMicros: number };

/** A chart's numbers as a table (every chart has one): messages, charged and saved per bucket. */
export function SpendTable({ rows, money }: { rows: SpendRow[]; money: (micros: number) => string }) {
  const t = useTranslations("spend.table");
  return (
    <div className="max-h-64 overflow-auto">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("key")}</TableHead>
            <TableHead className="text-right">{t("messages")}</TableHead>
            <TableHead className="text-right">{t("amount")}</TableHead>
            <TableHead className="text-right">{t("saved")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell className="max-w-48 truncate">{r.label ?? r.key}</TableCell>
              <TableCell className="text-right tabular-nums">{r.messages}</TableCell>
              <TableCell className="text-right tabular-nums">{money(r.amountMicros)}</TableCell>
              <TableCell className="text-right tabular-nums">{money(r.savedMicros)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
