import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeftIcon } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { TemplateEditor } from "@/components/templates/editor/template-editor";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { listChannels } from "@/lib/channels/list-channels";
import { draftFromComponents } from "@/lib/whatsapp/templates/draft/draft-from-components";
import { emptyTemplateDraft, type TemplateDraft } from "@/lib/whatsapp/templates/draft/template-draft-schema";
import { getTemplateOrThrow } from "@/lib/whatsapp/templates/get-template-or-throw";
import { libraryTemplate } from "@/lib/whatsapp/templates/library/template-library";

type Props = { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ library?: string; from?: string; language?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("templates.editor");
  return { title: t("newTitle") };
}

/**
 * Settings → Templates → New. Starts empty, from a library template (`?library=<id>`), or from one of the
 * organization's templates (`?from=<id>`: duplicate; with `&language=`: the same name in another language).
 */
export default async function NewTemplatePage({ params, searchParams }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("templates.write")) return <AccessDenied />;
  const q = await searchParams;
  const t = await getTranslations("templates.editor");
  const channels = (await listChannels(ctx.org.id)).filter((c) => c.status === "active");
  let initial: TemplateDraft = emptyTemplateDraft((await getLocale()).startsWith("pt") ? "pt_BR" : "en_US");
  const fromLibrary = q.library ? libraryTemplate(q.library) : undefined;
  if (fromLibrary) initial = fromLibrary.draft;
  else if (q.from && /^[0-9a-f-]{36}$/.test(q.from)) {
    const source = await getTemplateOrThrow(ctx.org.id, q.from).catch(() => null);
    if (source) {
      const draft = draftFromComponents(source);
      initial = q.language ? { ...draft, language: q.language.slice(0, 20) } : { ...draft, name: `${draft.name}_copy`.slice(0, 512) };
    }
  }
  return (
    <>
      <Link href={`/${ctx.org.slug}/settings/templates`} className="mb-4 inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeftIcon aria-hidden="true" className="size-4" />
        {t("back")}
      </Link>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      {channels.length === 0 ? (
        <EmptyState title={t("noChannel")} />
      ) : (
        <TemplateEditor orgSlug={ctx.org.slug} initial={initial} channels={channels.map((c) => ({ id: c.id, name: `${c.name} · ${c.displayPhoneNumber}` }))} />
      )}
    </>
  );
}
