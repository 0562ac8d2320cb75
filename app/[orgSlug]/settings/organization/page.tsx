import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { OrganizationForm } from "@/components/settings/organization-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { timeZones } from "@/lib/organizations/time-zone";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organization");
  return { title: t("title") };
}

export default async function OrganizationSettingsPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("org.read")) return <AccessDenied />;
  const t = await getTranslations("organization");
  const { org } = ctx;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("cardTitle")}</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-6">
          <OrganizationForm slug={org.slug} name={org.name} timeZone={org.timeZone} timeZones={timeZones()} canUpdate={ctx.can("org.update")} />
          <Separator />
          <dl className="grid max-w-md gap-5 text-sm">
            <div className="grid gap-1">
              <dt className="font-medium">{t("slug")}</dt>
              <dd>
                <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">/{org.slug}</code>
              </dd>
              <dd className="text-xs text-muted-foreground">{t("slugHint")}</dd>
            </div>
            <div className="grid gap-1">
              <dt className="font-medium">{t("plan")}</dt>
              <dd>
                <Badge variant="secondary" className="capitalize">
                  {org.plan}
                </Badge>
              </dd>
              <dd className="text-xs text-muted-foreground">
                {t("limits", { channels: org.limits.channels, members: org.limits.members })}
              </dd>
            </div>
          </dl>
        </CardContent>
      </Card>
    </>
  );
}
