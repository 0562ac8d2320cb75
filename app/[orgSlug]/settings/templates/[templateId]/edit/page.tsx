import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeftIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { TemplateEditor } from "@/components/templates/editor/template-editor";
import { parseId } from "@/lib/api/parse-id";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { draftFromComponents } from "@/lib/whatsapp/templates/draft/draft-from-components";
import { getTemplateOrThrow } from "@/lib/whatsapp/templates/get-template-or-throw";

type Props = { params: Promise<{ orgSlug: string; templateId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("templates.editor");
  return { title: t("editTitle") };
}

/** Settings → Templates → one template → Edit: the draft read back from its components, name and language fixed. */
export default async function EditTemplatePage({ params }: Props) {
  const { orgSlug, templateId } = await params;
  const ctx = await requireOrgPage(orgSlug);
  if (!ctx.can("templates.write")) return <AccessDenied />;
  const template = await getTemplateOrThrow(ctx.org.id, parseId(templateId, "Template")).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const t = await getTranslations("templates.editor");
  return (
    <>
      <Link href={`/${ctx.org.slug}/settings/templates/${template.id}`} className="mb-4 inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeftIcon aria-hidden="true" className="size-4" />
        {template.name}
      </Link>
      <PageHeader title={t("editTitle")} description={t("editDescription")} />
      <TemplateEditor orgSlug={ctx.org.slug} initial={draftFromComponents(template)} templateId={template.id} />
    </>
  );
}
