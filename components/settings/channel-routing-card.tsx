"use client";

import * as React from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { useErrorMessage } from "@/components/api/use-error-message";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import type { ChannelView } from "@/lib/channels/channel-view";

import { SavedMessage } from "./saved-message";

type RoutingChannel = Pick<ChannelView, "id" | "name" | "displayPhoneNumber" | "provider" | "status">;

/**
 * Settings → Channels: which number proactive messages (notifications, campaigns, reminders) go through — the
 * organization's routing rule (PUT …/channel-routing), saved as soon as another number is picked. Those who may
 * only read channels see the rule, disabled.
 */
export function ChannelRoutingCard({
  orgSlug,
  channels,
  proactiveChannelId,
  canManage,
}: {
  orgSlug: string;
  channels: RoutingChannel[];
  proactiveChannelId: string | null;
  canManage: boolean;
}) {
  const t = useTranslations("channels.routing");
  const errorMessage = useErrorMessage();
  const [value, setValue] = React.useState(proactiveChannelId ?? "");
  const mutation = useMutation({
    mutationFn: (next: string) =>
      apiFetch<{ routing: { proactiveChannelId: string | null } }>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/channel-routing`, {
        method: "PUT",
        body: { proactiveChannelId: next || null },
      }),
    onSuccess: (r) => setValue(r.routing.proactiveChannelId ?? ""),
  });
  // A disabled number may still be the stored rule (then it is not used): it stays listed so the select is honest.
  const options = channels.filter((c) => c.status === "active" || c.id === value);
  const picked = channels.find((c) => c.id === value);
  const shown = mutation.isPending && mutation.variables !== undefined ? mutation.variables : value;

  return (
    <Card data-testid="channel-routing" className="min-w-0">
      <CardHeader>
        <CardTitle>
          <h2>{t("title")}</h2>
        </CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid min-w-0 gap-2">
        <Label htmlFor="proactive-channel">{t("label")}</Label>
        <NativeSelect
          id="proactive-channel"
          className="w-full max-w-md"
          value={shown}
          disabled={!canManage || mutation.isPending}
          aria-invalid={mutation.isError || undefined}
          aria-describedby={mutation.isError ? "proactive-channel-error" : undefined}
          onChange={(event) => mutation.mutate(event.target.value)}
        >
          <option value="">{t("none")}</option>
          {options.map((c) => (
            <option key={c.id} value={c.id}>
              {t(c.provider === "evolution" ? "unofficial" : "official", { name: c.name, number: c.displayPhoneNumber || "—" })}
            </option>
          ))}
        </NativeSelect>
        {picked?.provider === "evolution" && <p className="text-sm text-muted-foreground">{t("evolutionNote")}</p>}
        <FieldError id="proactive-channel-error" message={errorMessage(mutation.error)} />
        {mutation.isSuccess && <SavedMessage>{t("saved")}</SavedMessage>}
      </CardContent>
    </Card>
  );
}
