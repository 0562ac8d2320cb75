"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { ShieldCheckIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import type { ChannelView } from "@/lib/channels/channel-view";

/** Asks Meta again (POST …/verify); a refusal is stored on the channel, so the page refreshes either way. */
export function VerifyChannelButton({ orgSlug, channelId }: { orgSlug: string; channelId: string }) {
  const t = useTranslations("channels.verification");
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () =>
      apiFetch<{ channel: ChannelView }>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/channels/${encodeURIComponent(channelId)}/verify`, { method: "POST" }),
    onSettled: () => router.refresh(),
  });
  return (
    <div className="grid justify-items-start gap-2">
      <Button type="button" variant="outline" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
        <ShieldCheckIcon aria-hidden="true" />
        {mutation.isPending ? t("verifying") : t("verifyAgain")}
      </Button>
      {mutation.isSuccess && (
        <p role="status" className="text-sm text-muted-foreground">
          {t("verifiedNow")}
        </p>
      )}
      <FormError error={mutation.error} />
    </div>
  );
}
