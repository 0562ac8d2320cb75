"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";

/** Accepts an invitation for the signed-in person and opens the organization. */
export function JoinOrganizationButton({ token }: { token: string }) {
  const t = useTranslations("invite");
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () =>
      apiFetch<{ organization: { slug: string } }>(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, { method: "POST" }),
    onSuccess: ({ organization }) => router.push(`/${organization.slug}`),
  });
  const busy = mutation.isPending || mutation.isSuccess;
  return (
    <div className="grid gap-4">
      <FormError error={mutation.error} />
      <Button type="button" className="w-full" disabled={busy} onClick={() => mutation.mutate()}>
        {busy ? t("joining") : t("join")}
      </Button>
    </div>
  );
}
