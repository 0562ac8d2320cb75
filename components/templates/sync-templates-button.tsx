"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { RefreshCwIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";

/** How long the page keeps re-reading after a sync was asked for: the sync runs as a durable function, not in the request. */
const REFRESH_FOR_MS = 15_000;
const REFRESH_EVERY_MS = 1_500;

/** Asks for a sync of one channel's templates (templates.manage), then refreshes the page while it runs. */
export function SyncTemplatesButton({ orgSlug, channelId, channelName }: { orgSlug: string; channelId: string; channelName: string }) {
  const t = useTranslations("templates");
  const router = useRouter();
  const [refreshing, setRefreshing] = React.useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      apiFetch<{ eventId: string }>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/channels/${channelId}/templates/sync`, { method: "POST" }),
    onSuccess: () => setRefreshing(true),
  });
  React.useEffect(() => {
    if (!refreshing) return;
    router.refresh();
    const timer = setInterval(() => router.refresh(), REFRESH_EVERY_MS);
    const stop = setTimeout(() => setRefreshing(false), REFRESH_FOR_MS);
    return () => {
      clearInterval(timer);
      clearTimeout(stop);
    };
  }, [refreshing, router]);

  return (
    <div className="grid justify-items-end gap-1">
      <Button
        type="button"
        variant="outline"
        size="sm"
        onClick={() => mutation.mutate()}
        disabled={mutation.isPending}
        aria-label={t("syncChannel", { channel: channelName })}
      >
        <RefreshCwIcon aria-hidden="true" className={mutation.isPending || refreshing ? "animate-spin" : undefined} />
        {t("syncNow")}
      </Button>
      {mutation.isSuccess && (
        <p role="status" className="text-xs text-muted-foreground">
          {t("syncRequested")}
        </p>
      )}
      <FormError error={mutation.error} />
    </div>
  );
}
