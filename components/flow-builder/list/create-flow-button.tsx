"use client";

import { useRouter } from "next/navigation";
import { PlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { Button } from "@/components/ui/button";
import type { FlowView } from "@/lib/flows/store/flow-view";
import { FlowNameDialog } from "./flow-name-dialog";

/** Creates a flow (a draft holding a start node) and opens it in the editor. */
export function CreateFlowButton({ orgSlug }: { orgSlug: string }) {
  const t = useTranslations("flows");
  const router = useRouter();
  return (
    <FlowNameDialog
      trigger={
        <Button type="button">
          <PlusIcon aria-hidden="true" />
          {t("create")}
        </Button>
      }
      title={t("createTitle")}
      description={t("createDescription")}
      submitLabel={t("create")}
      onSubmit={async (values) => {
        const { flow } = await apiFetch<{ flow: FlowView }>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/flows`, { method: "POST", body: values });
        router.push(`/${orgSlug}/flows/${flow.id}`);
      }}
    />
  );
}
