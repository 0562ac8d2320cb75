"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { useErrorMessage } from "@/components/api/use-error-message";
import { ConfirmDialog } from "@/components/shared/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { contactsApi } from "./contact-types";

type Props = { orgSlug: string; contactId: string; blocked: boolean; erased: boolean; can: { write: boolean; manage: boolean } };
type Candidate = { id: string; name: string | null; profileName: string | null; phoneE164: string | null };

/** Block / unblock (agents), erase and merge (managers), each destructive one behind a confirmation. */
export function ContactActions({ orgSlug, contactId, blocked, erased, can }: Props) {
  const t = useTranslations("contactDetail");
  const router = useRouter();
  const messageFor = useErrorMessage();
  const [eraseOpen, setEraseOpen] = React.useState(false);
  const [mergeOpen, setMergeOpen] = React.useState(false);
  const [search, setSearch] = React.useState("");
  const [source, setSource] = React.useState<Candidate | null>(null);

  const block = useMutation({
    mutationFn: () => apiFetch(contactsApi(orgSlug, `/${contactId}`), { method: "PATCH", body: { blocked: !blocked } }),
    onSuccess: () => router.refresh(),
  });
  const erase = useMutation({
    mutationFn: () => apiFetch(contactsApi(orgSlug, `/${contactId}/erase`), { method: "POST", body: { confirm: "ERASE" } }),
    onSuccess: () => {
      setEraseOpen(false);
      router.refresh();
    },
  });
  const merge = useMutation({
    mutationFn: () => apiFetch(contactsApi(orgSlug, `/${contactId}/merge`), { method: "POST", body: { sourceContactId: source?.id } }),
    onSuccess: () => {
      setMergeOpen(false);
      setSource(null);
      router.refresh();
    },
  });
  const candidates = useQuery({
    queryKey: ["contact-merge-candidates", orgSlug, search],
    enabled: mergeOpen && search.trim().length >= 2,
    queryFn: ({ signal }) => apiFetch<{ contacts: Candidate[] }>(contactsApi(orgSlug, `?limit=8&q=${encodeURIComponent(search.trim())}`), { signal }),
  });
  if (erased) return null;
  const label = (c: Candidate) => [c.name ?? c.profileName, c.phoneE164].filter(Boolean).join(" · ") || c.id;

  return (
    <div className="flex min-w-0 flex-wrap gap-2">
      {can.write ? (
        <Button type="button" variant="outline" size="sm" disabled={block.isPending} onClick={() => block.mutate()}>
          {blocked ? t("unblock") : t("block")}
        </Button>
      ) : null}
      {can.manage ? (
        <>
          <ConfirmDialog
            triggerLabel={t("merge")}
            title={t("mergeTitle")}
            description={
              <span className="grid gap-2">
                <span>{t("mergeDescription")}</span>
                <Label htmlFor="merge-search">{t("mergeSearch")}</Label>
                <Input id="merge-search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
                <span className="grid gap-1">
                  {(candidates.data?.contacts ?? [])
                    .filter((c) => c.id !== contactId)
                    .map((c) => (
                      <Button key={c.id} type="button" size="sm" variant={source?.id === c.id ? "default" : "ghost"} className="justify-start" onClick={() => setSource(c)}>
                        {label(c)}
                      </Button>
                    ))}
                </span>
                {source ? <strong>{t("mergeChosen", { name: label(source) })}</strong> : null}
              </span>
            }
            confirmLabel={t("mergeConfirm")}
            pending={merge.isPending || !source}
            error={merge.error}
            onConfirm={() => merge.mutate()}
            open={mergeOpen}
            onOpenChange={(o) => {
              setMergeOpen(o);
              if (!o) merge.reset();
            }}
          />
          <ConfirmDialog
            triggerLabel={t("erase")}
            triggerVariant="destructive"
            title={t("eraseTitle")}
            description={t("eraseDescription")}
            confirmLabel={t("eraseConfirm")}
            pending={erase.isPending}
            error={erase.error}
            onConfirm={() => erase.mutate()}
            open={eraseOpen}
            onOpenChange={(o) => {
              setEraseOpen(o);
              if (!o) erase.reset();
            }}
          />
        </>
      ) : null}
      {block.error ? <p className="w-full text-sm text-destructive">{messageFor(block.error)}</p> : null}
    </div>
  );
}
