"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { RotateCcwIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";

/** Starts a new run with the same event and opens it. No confirmation: it adds a run, it changes none. */
export function ReplayRunButton({ orgSlug, runId }: { orgSlug: string; runId: string }) {
  const t = useTranslations("runs.detail");
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () =>
      apiFetch<{ run: { id: string } }>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/runs/${runId}/replay`, { method: "POST" }),
    onSuccess: ({ run }) => router.push(`/${orgSlug}/settings/runs/${run.id}`),
  });
  return (
    <div className="grid justify-items-end gap-2">
      <Button type="button" size="sm" variant="outline" title={t("replayHint")} onClick={() => mutation.mutate()} disabled={mutation.isPending}>
        <RotateCcwIcon aria-hidden="true" />
        {mutation.isPending ? t("replaying") : t("replay")}
      </Button>
      <FormError error={mutation.error} />
    </div>
  );
}
