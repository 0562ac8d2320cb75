import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeftIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { ChannelCreateForm } from "@/components/settings/channel-create-form";
import { Card, CardContent } from "@/components/ui/card";
import { requireOrgPage } from "@/lib/auth/page-guard";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("channels.new");
  return { title: t("metaTitle") };
}

export default async function NewChannelPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("channels.manage")) return <AccessDenied />;
  const t = await getTranslations("channels.new");

  return (
    <>
      <Link
        href={`/${ctx.org.slug}/settings/channels`}
        className="mb-4 inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeftIcon aria-hidden="true" className="size-4" />
        {t("back")}
      </Link>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardContent>
          <ChannelCreateForm orgSlug={ctx.org.slug} />
        </CardContent>
      </Card>
    </>
  );
}
