import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { ConsentSettingsForm } from "@/components/contacts/consent-settings-form";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { getConsentSettings } from "@/lib/contacts/consent-settings";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("consentSettings");
  return { title: t("title") };
}

export default async function ConsentSettingsPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("contacts.read")) return <AccessDenied />;
  const canManage = ctx.can("contacts.manage");
  const [settings, t] = await Promise.all([getConsentSettings(getDb(), ctx.org.id), getTranslations("consentSettings")]);

  return (
    <>
      <PageHeader title={t("title")} description={canManage ? t("description") : t("readOnly")} />
      <Card>
        <CardContent>
          <ConsentSettingsForm orgSlug={ctx.org.slug} settings={settings} canManage={canManage} />
        </CardContent>
      </Card>
    </>
  );
}
