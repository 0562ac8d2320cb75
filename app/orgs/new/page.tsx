import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeftIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";

import { AuthShell } from "@/components/auth/auth-shell";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { CreateOrganizationForm } from "@/components/orgs/create-organization-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUserPage } from "@/lib/auth/page-guard";
import { listUserOrganizations } from "@/lib/organizations/list-user-organizations";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("orgs.new");
  return { title: t("metaTitle") };
}

export default async function NewOrganizationPage() {
  const userId = await requireUserPage("/orgs/new");
  const hasOrganizations = (await listUserOrganizations(userId)).length > 0;
  const t = await getTranslations("orgs.new");

  return (
    <AuthShell>
      <Card>
        <CardHeader>
          <CardTitle>
            <h1 className="text-xl">{t("title")}</h1>
          </CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <CreateOrganizationForm />
        </CardContent>
      </Card>
      <div className="mt-4 flex justify-center">
        {hasOrganizations ? (
          <Button asChild variant="ghost" size="sm">
            <Link href="/">
              <ArrowLeftIcon aria-hidden="true" />
              {t("back")}
            </Link>
          </Button>
        ) : (
          <SignOutButton size="sm" />
        )}
      </div>
    </AuthShell>
  );
}
