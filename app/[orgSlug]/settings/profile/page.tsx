import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { PageHeader } from "@/components/shell/page-header";
import { PasswordForm } from "@/components/settings/password-form";
import { ProfileForm } from "@/components/settings/profile-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { isLocale } from "@/lib/i18n/locales";
import { findUserById } from "@/lib/users/find-user-by-id";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("profile");
  return { title: t("title") };
}

export default async function ProfilePage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  const user = ctx.userId ? await findUserById(ctx.userId) : undefined;
  if (!user) notFound();
  const t = await getTranslations("profile");

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("cardTitle")}</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <ProfileForm name={user.name} email={user.email} locale={isLocale(user.locale) ? user.locale : null} />
        </CardContent>
      </Card>
      <Card className="mt-6">
        <CardHeader>
          <CardTitle>
            <h2>{t("passwordTitle")}</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <PasswordForm />
        </CardContent>
      </Card>
    </>
  );
}
