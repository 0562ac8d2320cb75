import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeftIcon } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { DraftPreview } from "@/components/templates/editor/draft-preview";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { templateLibrary } from "@/lib/whatsapp/templates/library/template-library";

type Props = { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ locale?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("templates.libraryPage");
  return { title: t("title") };
}

/** Settings → Templates → Library: ready templates in the reader's language (or the other one), each one click from a filled form. */
export default async function TemplateLibraryPage({ params, searchParams }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("templates.write")) return <AccessDenied />;
  const t = await getTranslations("templates");
  const q = await searchParams;
  const locale = q.locale === "en" || q.locale === "pt" ? q.locale : (await getLocale()).startsWith("pt") ? "pt" : "en";
  const base = `/${ctx.org.slug}/settings/templates`;
  return (
    <>
      <Link href={base} className="mb-4 inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeftIcon aria-hidden="true" className="size-4" />
        {t("editor.back")}
      </Link>
      <PageHeader
        title={t("libraryPage.title")}
        description={t("libraryPage.description")}
        actions={
          <nav className="flex gap-2" aria-label={t("language")}>
            {(["en", "pt"] as const).map((l) => (
              <Link key={l} href={`${base}/library?locale=${l}`} aria-current={l === locale ? "page" : undefined} className={buttonVariants({ variant: l === locale ? "default" : "outline", size: "sm" })}>
                {t(l === "en" ? "libraryPage.english" : "libraryPage.portuguese")}
              </Link>
            ))}
          </nav>
        }
      />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {templateLibrary
          .filter((e) => e.locale === locale)
          .map((entry) => (
            <Card key={entry.id} data-testid="library-template" data-library={entry.id} className="min-w-0">
              <CardHeader>
                <CardTitle>{entry.title}</CardTitle>
                <CardDescription>{entry.description}</CardDescription>
              </CardHeader>
              <CardContent>
                <DraftPreview draft={entry.draft} />
              </CardContent>
              <CardFooter>
                <Link href={`${base}/new?library=${entry.id}`} className={buttonVariants({ size: "sm" })}>
                  {t("libraryPage.use")}
                </Link>
              </CardFooter>
            </Card>
          ))}
      </div>
    </>
  );
}
