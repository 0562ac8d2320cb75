"use client";

import { useQuery } from "@tanstack/react-query";
import { ReceiptIcon } from "lucide-react";
import { useLocale, useNow, useTranslations } from "next-intl";
import { useParams } from "next/navigation";

import { apiFetch } from "@/components/api/api-fetch";
import type { ConversationEstimate } from "@/lib/spend/estimate-for-conversation";
import { formatMoney } from "./format-money";

/**
 * What the next message will cost, in one line: "free — window open 14 h" or "≈ US$ 0.0625 — marketing template
 * to Brazil". Self-contained (it reads the organization from the URL and asks GET …/spend/estimate), so the inbox
 * composer, the template picker and later campaigns place it with one line.
 */
export function PriceHint({ conversationId, templateId, className }: { conversationId: string; templateId?: string; className?: string }) {
  const { orgSlug } = useParams<{ orgSlug: string }>();
  const t = useTranslations("spend.hint");
  const locale = useLocale();
  const now = useNow({ updateInterval: 60_000 });
  const q = useQuery({
    queryKey: ["spend-estimate", orgSlug, conversationId, templateId ?? null],
    queryFn: ({ signal }) =>
      apiFetch<ConversationEstimate>(
        `/api/v1/orgs/${orgSlug}/spend/estimate?conversationId=${conversationId}${templateId ? `&templateId=${templateId}` : ""}`,
        { signal },
      ),
    staleTime: 60_000,
    retry: false,
  });
  if (!q.data) return null;
  const { estimate, windowExpiresAt } = q.data;
  let text: string;
  if (!estimate) text = t("unavailable");
  else if (estimate.free) {
    const hours = windowExpiresAt ? Math.max(0, Math.floor((Date.parse(windowExpiresAt) - now.getTime()) / 3_600_000)) : 0;
    text = estimate.reason === "service_allowance" ? t("freeAllowance") : t("freeWindow", { hours });
  } else if (estimate.amountMicros === null) text = t("unknown", { market: estimate.market });
  else {
    text = t("paid", {
      amount: formatMoney(estimate.amountMicros, estimate.currency, locale),
      category: t(`category.${estimate.category}`),
      kind: templateId ? "template" : "message",
      market: estimate.market,
    });
  }
  return (
    <span data-testid="price-hint" data-free={estimate?.free ?? null} className={`flex items-center gap-1 text-xs text-muted-foreground ${className ?? ""}`}>
      <ReceiptIcon aria-hidden="true" className="size-3.5" />
      {text}
    </span>
  );
}
