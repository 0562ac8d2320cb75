"use client";

import { RocketIcon } from "lucide-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { ApiError } from "@/components/api/api-fetch";
import { Button } from "@/components/ui/button";
import type { PublishResult } from "@/lib/flows/store/publish-flow";
import type { GraphIssue } from "@/lib/flows/validate-graph";

export type PublishOutcome = { ok: true; published: PublishResult } | { ok: false; message: string; issues: GraphIssue[] };

/**
 * Saves pending edits, then asks the server to publish. The server validates again (it is the authority): a 422
 * comes back with `graphIssues`, which the editor lists as the refusal's reasons.
 */
export function PublishButton({ url, beforePublish, onOutcome }: { url: string; beforePublish: () => Promise<boolean>; onOutcome: (outcome: PublishOutcome) => void }) {
  const t = useTranslations("flowEditor.publish");
  const mutation = useMutation({
    mutationFn: async (): Promise<PublishOutcome> => {
      if (!(await beforePublish())) return { ok: false, message: t("saveFirst"), issues: [] };
      const res = await fetch(url, { method: "POST", credentials: "same-origin", headers: { accept: "application/json" } });
      const body = (await res.json().catch(() => null)) as { published?: PublishResult; error?: { message?: string; graphIssues?: GraphIssue[] } } | null;
      if (res.ok && body?.published) return { ok: true, published: body.published };
      if (res.status === 0 || !body) throw new ApiError(res.status, "internal_error", res.statusText);
      return { ok: false, message: body.error?.message ?? t("failed"), issues: body.error?.graphIssues ?? [] };
    },
    onSuccess: onOutcome,
    onError: () => onOutcome({ ok: false, message: t("failed"), issues: [] }),
  });
  return (
    <Button type="button" size="sm" disabled={mutation.isPending} onClick={() => mutation.mutate()}>
      <RocketIcon aria-hidden="true" />
      {mutation.isPending ? t("publishing") : t("publish")}
    </Button>
  );
}
