"use client";

import { useQuery } from "@tanstack/react-query";
import { TriangleAlertIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ChannelView } from "@/lib/channels/channel-view";

import { EvolutionStateBadge } from "./evolution-state-badge";

/** How often the page asks again while the number waits for its QR scan (Evolution rotates codes every ~20 s). */
const REFRESH_MS = 2_000;

/**
 * An Evolution number's connection: the state, the QR code to scan (refreshed while it is not linked: the gateway's
 * QRCODE_UPDATED / CONNECTION_UPDATE webhooks update the channel and this card reads it again), and the honest note
 * that the number is unofficial.
 */
export function EvolutionConnectionCard({ orgSlug, channel: initial }: { orgSlug: string; channel: ChannelView }) {
  const t = useTranslations("channels.evolution");
  const { data } = useQuery({
    queryKey: ["channel", orgSlug, initial.id],
    queryFn: () => apiFetch<{ channel: ChannelView }>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/channels/${initial.id}`).then((r) => r.channel),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.evolution?.connectionState === "open" ? 15_000 : REFRESH_MS),
  });
  const evo = data.evolution;
  if (!evo) return null;
  const open = evo.connectionState === "open";
  return (
    <Card data-testid="evolution-card" className="min-w-0">
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          <h2>{t("title")}</h2>
          <EvolutionStateBadge state={evo.connectionState} />
        </CardTitle>
        <CardDescription className="break-all">{t("description", { instance: evo.instanceName ?? "", server: evo.baseUrl ?? "" })}</CardDescription>
      </CardHeader>
      <CardContent className="grid min-w-0 gap-4">
        <p role="note" className="flex items-start gap-2 rounded-lg border border-warning/40 bg-warning/10 p-3 text-sm">
          <TriangleAlertIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {t("riskNote")}
        </p>
        {open ? (
          <p className="text-sm text-muted-foreground">{t("linked", { number: data.displayPhoneNumber || "—" })}</p>
        ) : evo.qrCode ? (
          <div className="grid justify-items-start gap-2">
            <p className="text-sm">{t("scanHint")}</p>
            {/* A data: URL from the gateway; next/image adds nothing for it. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={evo.qrCode} alt={t("qrAlt")} data-testid="evolution-qr" className="aspect-square w-64 max-w-full rounded-md border bg-white p-2 [image-rendering:pixelated]" />
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">{t("noQr")}</p>
        )}
        <ul className="list-disc space-y-1 pl-5 text-sm text-muted-foreground">
          <li>{t("noTemplates")}</li>
          <li>{t("noWindow")}</li>
          <li>{t("noPricing")}</li>
          <li>{t("numberedButtons")}</li>
        </ul>
      </CardContent>
    </Card>
  );
}
