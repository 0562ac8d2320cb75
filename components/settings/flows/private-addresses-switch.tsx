"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { TriangleAlertIcon } from "lucide-react";

import { apiFetch } from "@/components/api/api-fetch";
import { useErrorMessage } from "@/components/api/use-error-message";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";

type Props = { orgSlug: string; value: boolean; canManage: boolean };

/** "HTTP nodes may call private and loopback addresses", saved at once, with the risk spelled out beside it. */
export function PrivateAddressesSwitch({ orgSlug, value, canManage }: Props) {
  const t = useTranslations("flowSettings");
  const router = useRouter();
  const messageFor = useErrorMessage();
  const mutation = useMutation({
    mutationFn: (allowPrivateAddresses: boolean) =>
      apiFetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/flow-settings`, { method: "PATCH", body: { allowPrivateAddresses } }),
    onSuccess: () => router.refresh(),
  });
  // Optimistic: the requested state while saving, the server's once refreshed.
  const checked = mutation.isPending ? Boolean(mutation.variables) : value;
  return (
    <div className="grid max-w-xl gap-3">
      <div className="flex items-center gap-3">
        <button
          type="button"
          role="switch"
          aria-checked={checked}
          aria-label={t("allowPrivate")}
          disabled={!canManage || mutation.isPending}
          onClick={() => mutation.mutate(!checked)}
          className={cn(
            "relative inline-flex h-5 w-9 shrink-0 items-center rounded-full border transition-colors disabled:cursor-not-allowed disabled:opacity-60",
            checked ? "bg-destructive" : "bg-muted",
          )}
        >
          <span className={cn("inline-block size-4 rounded-full bg-background shadow transition-transform", checked ? "translate-x-4" : "translate-x-0.5")} />
        </button>
        <span className="text-sm font-medium">{t("allowPrivate")}</span>
        <span className="text-sm text-muted-foreground" data-testid="private-status">
          {checked ? t("allowed") : t("blocked")}
        </span>
      </div>
      <Alert variant={checked ? "destructive" : "default"}>
        <TriangleAlertIcon aria-hidden="true" />
        <AlertTitle>{t("privateWarningTitle")}</AlertTitle>
        <AlertDescription>{t("privateWarning")}</AlertDescription>
      </Alert>
      {mutation.error ? <p className="text-sm text-destructive">{messageFor(mutation.error)}</p> : null}
    </div>
  );
}
