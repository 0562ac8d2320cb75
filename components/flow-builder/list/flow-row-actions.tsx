"use client";

import { useRouter } from "next/navigation";
import { CopyIcon, DownloadIcon, PencilIcon, Trash2Icon } from "lucide-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { ConfirmAction } from "@/components/shared/confirm-action";
import { Button } from "@/components/ui/button";
import type { FlowView } from "@/lib/flows/store/flow-view";
import { FlowNameDialog } from "./flow-name-dialog";

/** Rename, duplicate, export and delete for one flow of the list (shown to members who manage flows). */
export function FlowRowActions({ orgSlug, flow }: { orgSlug: string; flow: FlowView }) {
  const t = useTranslations("flows");
  const router = useRouter();
  const base = `/api/v1/orgs/${encodeURIComponent(orgSlug)}/flows/${flow.id}`;
  const duplicate = useMutation({
    mutationFn: () => apiFetch(`${base}/duplicate`, { method: "POST", body: {} }),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <FlowNameDialog
        trigger={
          <Button type="button" variant="outline" size="sm" aria-label={t("renameLabel", { name: flow.name })}>
            <PencilIcon aria-hidden="true" />
            {t("rename")}
          </Button>
        }
        title={t("renameTitle")}
        description={t("renameDescription")}
        submitLabel={t("save")}
        initial={{ name: flow.name, description: flow.description }}
        onSubmit={async (values) => {
          await apiFetch(base, { method: "PATCH", body: values });
          router.refresh();
        }}
      />
      <Button type="button" variant="outline" size="sm" disabled={duplicate.isPending} onClick={() => duplicate.mutate()}>
        <CopyIcon aria-hidden="true" />
        {t("duplicate")}
      </Button>
      <Button asChild variant="outline" size="sm">
        <a href={`${base}/export`} download>
          <DownloadIcon aria-hidden="true" />
          {t("export")}
        </a>
      </Button>
      <ConfirmAction
        path={base}
        triggerLabel={t("delete")}
        triggerIcon={<Trash2Icon aria-hidden="true" />}
        title={t("deleteTitle", { name: flow.name })}
        description={t("deleteDescription")}
        confirmLabel={t("delete")}
      />
    </div>
  );
}
