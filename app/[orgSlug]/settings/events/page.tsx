import type { Metadata } from "next";
import { RadioTowerIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { EventsTable } from "@/components/settings/events-table";
import { ExternalRunsNotice } from "@/components/settings/external-runs-notice";
import { Card, CardContent } from "@/components/ui/card";
import { inngestMode } from "@/inngest/mode";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { listEvents } from "@/lib/runs/list-events";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("events");
  return { title: t("title") };
}

export default async function EventsPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("runs.read")) return <AccessDenied />;
  const t = await getTranslations("events");
  if (inngestMode() !== "embedded") {
    return (
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <ExternalRunsNotice />
      </>
    );
  }
  const firstPage = await listEvents(ctx.org.id, { limit: 50 });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {firstPage.events.length === 0 ? (
        <EmptyState icon={<RadioTowerIcon aria-hidden="true" />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Card className="py-2">
          <CardContent className="px-2">
            <EventsTable key={firstPage.events[0].id} orgSlug={ctx.org.slug} firstPage={firstPage} />
          </CardContent>
        </Card>
      )}
    </>
  );
}
