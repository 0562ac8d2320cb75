import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { ContactDetail } from "@/components/contacts/contact-detail";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { contactTimeline } from "@/lib/contacts/contact-timeline";
import { listCustomFields } from "@/lib/contacts/custom-fields";
import { listLifecycleStages } from "@/lib/contacts/lifecycle-stages";
import { listConsentHistory } from "@/lib/contacts/set-contact-consent";
import { AppError } from "@/lib/errors";
import { getContactPanel } from "@/lib/inbox/get-contact-panel";

type Props = { params: Promise<{ orgSlug: string; contactId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contactDetail");
  return { title: t("title") };
}

/** One contact: every field (edit), consent and its history, conversations, timeline, block, erase and merge. */
export default async function ContactPage({ params }: Props) {
  const { orgSlug, contactId } = await params;
  const ctx = await requireOrgPage(orgSlug);
  if (!ctx.can("contacts.read")) return <AccessDenied />;
  if (!UUID.test(contactId)) notFound();
  let panel;
  try {
    panel = await getContactPanel(ctx.org.id, contactId.toLowerCase());
  } catch (err) {
    if (err instanceof AppError && err.status === 404) notFound();
    throw err;
  }
  const id = panel.contact.id;
  const [fields, stages, consent, timeline] = await Promise.all([
    listCustomFields(ctx.org.id),
    listLifecycleStages(ctx.org.id),
    listConsentHistory(ctx.org.id, id),
    contactTimeline(ctx.org.id, id, 50),
  ]);
  return (
    <div className="mx-auto w-full max-w-6xl min-w-0 p-4 md:p-6">
      <ContactDetail
        orgSlug={ctx.org.slug}
        panel={panel}
        fields={fields}
        stages={stages}
        consent={consent}
        timeline={timeline}
        can={{ write: ctx.can("contacts.write"), manage: ctx.can("contacts.manage") }}
      />
    </div>
  );
}
