"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { useErrorMessage } from "@/components/api/use-error-message";
import { cn } from "@/components/ui/cn";

type Props = { orgSlug: string; departmentId: string; name: string; value: boolean; disabled: boolean };

/** The per-department "assign automatically" (round robin among online members) toggle, saved at once. */
export function AutoAssignSwitch({ orgSlug, departmentId, name, value, disabled }: Props) {
  const t = useTranslations("departmentsSettings");
  const router = useRouter();
  const messageFor = useErrorMessage();
  // Optimistic and local: the refreshed page may still carry the old value for a moment after the save, so the
  // switch trusts what was saved (the parent keys it by the server's value to pick up changes made elsewhere).
  const [checked, setChecked] = React.useState(value);
  const mutation = useMutation({
    mutationFn: (autoAssign: boolean) =>
      apiFetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/departments/${departmentId}`, { method: "PATCH", body: { autoAssign } }),
    onMutate: (autoAssign) => setChecked(autoAssign),
    onError: (_e, autoAssign) => setChecked(!autoAssign),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-label={t("autoAssignFor", { name })}
        disabled={disabled || mutation.isPending}
        onClick={() => mutation.mutate(!checked)}
        className={cn(
          "relative inline-flex h-5 w-9 shrink-0 items-center rounded-full border transition-colors disabled:cursor-not-allowed disabled:opacity-60",
          checked ? "bg-primary" : "bg-muted",
        )}
      >
        <span className={cn("inline-block size-4 rounded-full bg-background shadow transition-transform", checked ? "translate-x-4" : "translate-x-0.5")} />
      </button>
      <span className="text-sm">{checked ? t("autoOn") : t("autoOff")}</span>
      {mutation.error ? <span className="text-xs text-destructive">{messageFor(mutation.error)}</span> : null}
    </div>
  );
}
