import type { Metadata } from "next";
import { WorkflowIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";

import { CreateFlowButton } from "@/components/flow-builder/list/create-flow-button";
import { GalleryFlowButton } from "@/components/flow-builder/list/gallery-flow-button";
import { FlowsTable } from "@/components/flow-builder/list/flows-table";
import { ImportFlowButton } from "@/components/flow-builder/list/import-flow-button";
import { AccessDenied } from "@/components/shell/access-denied";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { listFlows } from "@/lib/flows/store/list-flows";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("flows");
  return { title: t("title") };
}

export default async function FlowsPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("flows.read")) return <AccessDenied />;
  const canManage = ctx.can("flows.manage");
  const [flows, t] = await Promise.all([listFlows(ctx.org.id), getTranslations("flows")]);
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-6 md:px-8 md:py-10">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canManage && (
            <>
              <ImportFlowButton orgSlug={ctx.org.slug} />
              <GalleryFlowButton orgSlug={ctx.org.slug} />
              <CreateFlowButton orgSlug={ctx.org.slug} />
            </>
          )
        }
      />
      {flows.length === 0 ? (
        <EmptyState icon={<WorkflowIcon aria-hidden="true" />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Card className="py-2">
          <CardContent className="px-2">
            <FlowsTable orgSlug={ctx.org.slug} flows={flows} canManage={canManage} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
