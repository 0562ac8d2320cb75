"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { SendIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";

/** Sends papo/test.ping for this organization; the diagnostics-ping run then shows up in the list. */
export function SendTestEventButton({ orgSlug }: { orgSlug: string }) {
  const t = useTranslations("runs");
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () => apiFetch<{ eventId: string }>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/events/test`, { method: "POST" }),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="grid justify-items-end gap-2">
      <Button type="button" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
        <SendIcon aria-hidden="true" />
        {mutation.isPending ? t("sending") : t("sendTest")}
      </Button>
      {mutation.isSuccess && (
        <p role="status" className="text-xs text-muted-foreground">
          {t("testSent")}
        </p>
      )}
      <FormError error={mutation.error} />
    </div>
  );
}
