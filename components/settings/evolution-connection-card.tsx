"use client";

import * as React from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { TriangleAlertIcon, UnplugIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ChannelView } from "@/lib/channels/channel-view";

import { EvolutionStateBadge } from "./evolution-state-badge";
import { useChannelPushes } from "./use-channel-pushes";

/** Only while the socket is down: how often the card asks again (Evolution rotates QR codes every ~20 s). */
const FALLBACK_POLL_MS = 10_000;

/**
 * An Evolution number's connection: the state, the QR code to scan, a banner while it is disconnected, and the
 * honest note that the number is unofficial. Live: the gateway's QRCODE_UPDATED / CONNECTION_UPDATE webhooks update
 * the channel and push `channel.updated`; the card then reads the channel again over HTTP (the push goes to the
 * whole organization, the read applies who may see the QR code). A slow poll stands in only while the socket is down.
 */
export function EvolutionConnectionCard({ orgSlug, channel: initial }: { orgSlug: string; channel: ChannelView }) {
  const t = useTranslations("channels.evolution");
  const qc = useQueryClient();
  const queryKey = React.useMemo(() => ["channel", orgSlug, initial.id], [orgSlug, initial.id]);
  const live = useChannelPushes(orgSlug, initial.id, React.useCallback(() => void qc.invalidateQueries({ queryKey }), [qc, queryKey]));
  const { data } = useQuery({
    queryKey,
    queryFn: () => apiFetch<{ channel: ChannelView }>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/channels/${initial.id}`).then((r) => r.channel),
    initialData: initial,
    refetchInterval: live ? false : FALLBACK_POLL_MS,
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
        {evo.connectionState === "close" && (
          <p role="alert" data-testid="evolution-disconnected" className="flex items-start gap-2 rounded-lg border border-destructive/40 bg-destructive/10 p-3 text-sm">
            <UnplugIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            {t("disconnected")}
          </p>
        )}
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
