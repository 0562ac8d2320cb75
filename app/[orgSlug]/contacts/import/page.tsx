import type { Metadata } from "next";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getTranslations } from "next-intl/server";

import { ContactImportApp } from "@/components/contacts/contact-import-app";
import { AccessDenied } from "@/components/shell/access-denied";
import { getDb } from "@/db";
import { contactCustomFields } from "@/db/schema";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { listChannels } from "@/lib/channels/list-channels";
import { listTags } from "@/lib/inbox/list-tags";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contactImport");
  return { title: t("title") };
}

export default async function ContactImportPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("contacts.manage")) return <AccessDenied />;
  const [channels, tags, fields] = await Promise.all([
    listChannels(ctx.org.id),
    listTags(ctx.org.id),
    getDb()
      .select({ key: contactCustomFields.key, label: contactCustomFields.label, type: contactCustomFields.type, options: contactCustomFields.options })
      .from(contactCustomFields)
      .where(and(eq(contactCustomFields.organizationId, ctx.org.id), isNull(contactCustomFields.deletedAt)))
      .orderBy(asc(contactCustomFields.position)),
  ]);
  return (
    <ContactImportApp
      slug={ctx.org.slug}
      channels={channels.filter((c) => !c.deletedAt).map((c) => ({ id: c.id, name: c.name }))}
      tags={tags.map((t) => ({ id: t.id, name: t.name }))}
      fields={fields}
    />
  );
}
