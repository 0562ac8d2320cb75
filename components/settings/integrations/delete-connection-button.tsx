"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { Button } from "@/components/ui/button";

/** Deletes a connection; flows that name it then take their HTTP node's failure exit. */
export function DeleteConnectionButton({ orgSlug, id, name }: { orgSlug: string; id: string; name: string }) {
  const t = useTranslations("integrations");
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () => apiFetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/integrations/${id}`, { method: "DELETE" }),
    onSuccess: () => router.refresh(),
  });
  return (
    <Button type="button" variant="outline" size="sm" disabled={mutation.isPending} onClick={() => mutation.mutate()} aria-label={t("deleteNamed", { name })}>
      {t("delete")}
    </Button>
  );
}
