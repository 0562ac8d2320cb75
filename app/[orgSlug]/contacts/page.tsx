import type { Metadata } from "next";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getTranslations } from "next-intl/server";

import { ContactsApp } from "@/components/contacts/contacts-app";
import { AccessDenied } from "@/components/shell/access-denied";
import { getDb } from "@/db";
import { contactCustomFields, lifecycleStages } from "@/db/schema";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { listChannels } from "@/lib/channels/list-channels";
import { listSegments } from "@/lib/contacts/segments/list-segments";
import { listTags } from "@/lib/inbox/list-tags";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contactsList");
  return { title: t("title") };
}

/** The contacts page: the server hands over the organization's vocabulary (tags, stages, channels, fields, segments). */
export default async function ContactsPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("contacts.read")) return <AccessDenied />;
  const orgId = ctx.org.id;
  const [tags, stages, channels, fields, segments] = await Promise.all([
    listTags(orgId),
    getDb()
      .select({ id: lifecycleStages.id, name: lifecycleStages.name })
      .from(lifecycleStages)
      .where(and(eq(lifecycleStages.organizationId, orgId), isNull(lifecycleStages.deletedAt)))
      .orderBy(asc(lifecycleStages.position)),
    ctx.can("channels.read") ? listChannels(orgId) : [],
    getDb()
      .select({ key: contactCustomFields.key, label: contactCustomFields.label, type: contactCustomFields.type, options: contactCustomFields.options })
      .from(contactCustomFields)
      .where(and(eq(contactCustomFields.organizationId, orgId), isNull(contactCustomFields.deletedAt)))
      .orderBy(asc(contactCustomFields.position), asc(contactCustomFields.key)),
    listSegments(orgId),
  ]);
  return (
    <ContactsApp
      ctx={{
        slug: ctx.org.slug,
        canManage: ctx.can("contacts.manage"),
        tags: tags.map((t) => ({ id: t.id, name: t.name })),
        stages,
        channels: channels.map((c) => ({ id: c.id, name: c.name })),
        fields,
        segments: segments.map((s) => ({ id: s.id, name: s.name, filter: s.filter })),
      }}
    />
  );
}
