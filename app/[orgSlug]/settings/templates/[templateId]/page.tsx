import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeftIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";

import { DateTime } from "@/components/shared/date-time";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { TemplateCategory } from "@/components/templates/template-category";
import { TemplateComponents } from "@/components/templates/template-components";
import { TemplatePreviewPlayground } from "@/components/templates/template-preview-playground";
import { TemplateActions } from "@/components/templates/template-actions";
import { TemplateQuality } from "@/components/templates/template-quality";
import { TemplateReviewStatus } from "@/components/templates/template-review-status";
import { TemplateStatusBadge } from "@/components/templates/template-status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { OrgContext } from "@/lib/auth/org-context";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { parseId } from "@/lib/api/parse-id";
import { AppError } from "@/lib/errors";
import { getTemplateOrThrow } from "@/lib/whatsapp/templates/get-template-or-throw";
import { toTemplateView } from "@/lib/whatsapp/templates/template-view";

type Props = { params: Promise<{ orgSlug: string; templateId: string }> };

/** Another organization's template, or an id that is not one, is the not-found page. */
async function loadTemplate(ctx: OrgContext, templateId: string) {
  try {
    return toTemplateView(await getTemplateOrThrow(ctx.org.id, parseId(templateId, "Template")));
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("templates.detail");
  return { title: t("title") };
}

export default async function TemplatePage({ params }: Props) {
  const { orgSlug, templateId } = await params;
  const ctx = await requireOrgPage(orgSlug);
  if (!ctx.can("templates.read")) return <AccessDenied />;
  const template = await loadTemplate(ctx, templateId);
  const t = await getTranslations("templates");

  return (
    <>
      <Link
        href={`/${ctx.org.slug}/settings/templates`}
        className="mb-4 inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeftIcon aria-hidden="true" className="size-4" />
        {t("detail.back")}
      </Link>
      <PageHeader
        title={<span className="font-mono break-all">{template.name}</span>}
        description={t("detail.description")}
        actions={ctx.can("templates.write") ? <TemplateActions orgSlug={ctx.org.slug} template={template} /> : undefined}
      />
      <dl className="mb-6 grid grid-cols-2 gap-4 text-sm sm:grid-cols-5">
        <Fact label={t("language")}>
          <span className="font-mono">{template.language}</span>
        </Fact>
        <Fact label={t("category")}>
          <TemplateCategory category={template.category} />
        </Fact>
        <Fact label={t("status")}>
          <TemplateStatusBadge status={template.status} />
        </Fact>
        <Fact label={t("quality")}>
          <TemplateQuality quality={template.quality} />
        </Fact>
        <Fact label={t("lastSynced")}>
          <DateTime value={template.updatedAt} />
        </Fact>
      </dl>
      <TemplateReviewStatus template={template} />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("detail.preview")}</CardTitle>
          </CardHeader>
          <CardContent>
            <TemplatePreviewPlayground template={template} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("detail.components")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4">
            <TemplateComponents template={template} />
            <p className="text-sm text-muted-foreground">
              {template.parameters.length === 0
                ? t("detail.noParameters")
                : t("detail.parameters", { count: template.parameterCount, list: template.parameters.join(", ") })}
            </p>
          </CardContent>
        </Card>
      </div>
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
