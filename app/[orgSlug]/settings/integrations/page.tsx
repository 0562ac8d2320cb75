import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { AddConnectionForm } from "@/components/settings/integrations/add-connection-form";
import { DeleteConnectionButton } from "@/components/settings/integrations/delete-connection-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { listConnections } from "@/lib/integrations/manage-connections";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("integrations");
  return { title: t("title") };
}

/** Settings → Integrations: named connections (base URL + sealed headers) that flows' HTTP nodes use by name. */
export default async function IntegrationsPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("integrations.manage")) return <AccessDenied />;
  const [connections, t] = await Promise.all([listConnections(ctx.org.id), getTranslations("integrations")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("listTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            {connections.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("empty")}</p>
            ) : (
              <ul className="grid gap-3" aria-label={t("listTitle")}>
                {connections.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-3">
                    <div className="min-w-0 flex-1">
                      <p className="font-medium">{c.name}</p>
                      <p className="text-sm break-all text-muted-foreground">{c.baseUrl}</p>
                      <p className="text-xs text-muted-foreground">{c.headerNames.length ? t("headerNames", { names: c.headerNames.join(", ") }) : t("noHeaders")}</p>
                    </div>
                    <DeleteConnectionButton orgSlug={ctx.org.slug} id={c.id} name={c.name} />
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("addTitle")}</CardTitle>
            <CardDescription>{t("addDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <AddConnectionForm orgSlug={ctx.org.slug} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
