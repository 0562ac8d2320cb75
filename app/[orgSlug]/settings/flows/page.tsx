import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { AddFlowGlobalForm } from "@/components/settings/flows/add-flow-global-form";
import { AiEndpointForm } from "@/components/settings/flows/ai-endpoint-form";
import { FlowGlobalsTable } from "@/components/settings/flows/flow-globals-table";
import { PrivateAddressesSwitch } from "@/components/settings/flows/private-addresses-switch";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { getFlowSettings } from "@/lib/flows/settings/get-flow-settings";
import { listFlowGlobals } from "@/lib/flows/settings/list-flow-globals";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("flowSettings");
  return { title: t("title") };
}

/** Settings → Flows: the AI endpoint, the private-address opt-in of HTTP nodes, and the organization's globals. */
export default async function FlowSettingsPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("flows.read")) return <AccessDenied />;
  const canManage = ctx.can("flows.manage");
  const [settings, globals, t] = await Promise.all([getFlowSettings(ctx.org.id), listFlowGlobals(ctx.org.id), getTranslations("flowSettings")]);
  const slug = ctx.org.slug;

  return (
    <>
      <PageHeader title={t("title")} description={canManage ? t("description") : t("readOnly")} />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("aiTitle")}</CardTitle>
            <CardDescription>{t("aiDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <AiEndpointForm orgSlug={slug} ai={settings.ai} canManage={canManage} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("httpTitle")}</CardTitle>
            <CardDescription>{t("httpDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <PrivateAddressesSwitch orgSlug={slug} value={settings.allowPrivateAddresses} canManage={canManage} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("globalsTitle")}</CardTitle>
            <CardDescription>{t("globalsDescription", { example: "{{globals.name}}" })}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-6">
            <FlowGlobalsTable orgSlug={slug} globals={globals} canManage={canManage} />
            {canManage && <AddFlowGlobalForm orgSlug={slug} />}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
