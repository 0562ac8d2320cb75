"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ContactActions } from "./contact-actions";
import { ContactConsentCard } from "./contact-consent-card";
import { ContactEditForm } from "./contact-edit-form";
import type { Consent, ContactPanel, Field, Stage, TimelineEntry } from "./contact-types";

type Props = {
  orgSlug: string;
  panel: ContactPanel;
  fields: Field[];
  stages: Stage[];
  consent: Consent;
  timeline: TimelineEntry[];
  can: { write: boolean; manage: boolean };
};

/** The contact page: header with state badges and actions, then fields | consent, conversations and timeline. */
export function ContactDetail({ orgSlug, panel, fields, stages, consent, timeline, can }: Props) {
  const t = useTranslations("contactDetail");
  // Keys built from data (states, sources, event kinds, stage keys): checked with has() or known to exist.
  const dyn = t as unknown as { (key: string): string; has(key: string): boolean };
  const format = useFormatter();
  const c = panel.contact;
  const erased = Boolean(c.erasedAt);
  const title = erased ? t("erasedName") : (c.name ?? c.profileName ?? c.phoneE164 ?? c.waId ?? t("unnamed"));
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold" data-testid="contact-title">
            {title}
          </h1>
          <p className="text-sm text-muted-foreground">{c.phoneE164 ?? c.userId ?? ""}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Badge variant={consent.optIn === "opted_out" ? "destructive" : "secondary"} data-testid="consent-badge">
              {t(`consent.${consent.optIn}`)}
            </Badge>
            {c.blocked ? (
              <Badge variant="destructive" data-testid="blocked-badge">
                {t("blocked")}
              </Badge>
            ) : null}
            {erased ? <Badge variant="outline">{t("erasedAt", { at: when(c.erasedAt!) })}</Badge> : null}
            {c.tags.map((tag) => (
              <Badge key={tag.id} variant="outline">
                {tag.name}
              </Badge>
            ))}
          </div>
          {c.previouslyErasedAt ? (
            <p className="mt-2 text-sm text-amber-700 dark:text-amber-400" role="note">
              {t("previouslyErased", { at: when(c.previouslyErasedAt) })}
            </p>
          ) : null}
        </div>
        <ContactActions orgSlug={orgSlug} contactId={c.id} blocked={c.blocked} erased={erased} can={can} />
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="min-w-0 lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("fieldsTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ContactEditForm orgSlug={orgSlug} contact={c} fields={fields} stages={stages} canEdit={can.write && !erased} />
          </CardContent>
        </Card>
        <ContactConsentCard orgSlug={orgSlug} contactId={c.id} consent={consent} canEdit={can.write && !erased} />
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>{t("conversationsTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            {panel.conversations.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("noConversations")}</p>
            ) : (
              <ul className="grid grid-cols-1 gap-2" data-testid="contact-conversations">
                {panel.conversations.map((conv) => (
                  <li key={conv.id} className="min-w-0 rounded-md border p-3 text-sm">
                    <div className="flex items-center justify-between gap-2">
                      <Link className="font-medium underline-offset-4 hover:underline" href={`/${orgSlug}/inbox?conversation=${conv.id}`}>
                        {t(`status.${conv.status}`)}
                      </Link>
                      <span className="text-xs text-muted-foreground">{when(conv.lastMessageAt ?? conv.createdAt)}</span>
                    </div>
                    {conv.lastMessagePreview ? <p className="mt-1 truncate text-muted-foreground">{conv.lastMessagePreview}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>{t("timelineTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            {timeline.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("noTimeline")}</p>
            ) : (
              <ol className="grid grid-cols-1 gap-2" data-testid="contact-timeline">
                {timeline.map((e, i) => (
                  <li key={`${e.at}-${i}`} className="flex min-w-0 flex-wrap items-baseline justify-between gap-x-3 border-b pb-2 text-sm break-words last:border-0">
                    <span className="font-medium">{dyn.has(`events.${e.kind}`) ? dyn(`events.${e.kind}`) : e.kind}</span>
                    <span className="text-xs text-muted-foreground">
                      {e.actorName ? `${e.actorName} · ` : ""}
                      {when(e.at)}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
