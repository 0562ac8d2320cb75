import type { Metadata } from "next";
import { BookOpenIcon, KeyRoundIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { ApiKeysTable } from "@/components/settings/api-keys-table";
import { assignableRoles } from "@/components/settings/assignable-roles";
import { CreateApiKeyDialog } from "@/components/settings/create-api-key-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireOrgPage } from "@/lib/auth/page-guard";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiKeys");
  return { title: t("title") };
}

export default async function ApiKeysPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("apiKeys.manage")) return <AccessDenied />;
  const [apiKeys, t] = await Promise.all([listApiKeys(ctx.org.id), getTranslations("apiKeys")]);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Button asChild variant="outline">
              <a href="/docs/api" target="_blank" rel="noopener">
                <BookOpenIcon aria-hidden="true" />
                {t("reference")}
              </a>
            </Button>
            <CreateApiKeyDialog orgSlug={ctx.org.slug} roles={assignableRoles(ctx)} />
          </>
        }
      />
      {apiKeys.length === 0 ? (
        <EmptyState icon={<KeyRoundIcon aria-hidden="true" />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Card className="py-2">
          <CardContent className="px-2">
            <ApiKeysTable orgSlug={ctx.org.slug} apiKeys={apiKeys} revocableRoles={assignableRoles(ctx)} />
          </CardContent>
        </Card>
      )}
    </>
  );
}
