import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { SmsGatewayForm } from "@/components/settings/sms/sms-gateway-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { getSmsGateway } from "@/lib/sms/sms-gateway-view";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("smsGateway");
  return { title: t("title") };
}

/** Settings → SMS gateway: the HTTP request the notifications API's SMS fallback and `POST …/sms` send. */
export default async function SmsGatewayPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("integrations.manage")) return <AccessDenied />;
  const [gateway, t] = await Promise.all([getSmsGateway(ctx.org.id), getTranslations("smsGateway")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardHeader>
          <CardTitle>{t("requestTitle")}</CardTitle>
          <CardDescription>{t("requestDescription", { placeholders: "{to} {message} {secret} {id}" })}</CardDescription>
        </CardHeader>
        <CardContent>
          <SmsGatewayForm orgSlug={ctx.org.slug} gateway={gateway} canManage />
        </CardContent>
      </Card>
    </>
  );
}
