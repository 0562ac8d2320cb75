"use client";

import { ContactIcon, MapPinIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { LinkifiedText } from "./linkified-text";
import { mapLinks } from "./map-links";
import { AttachmentByUrl, MessageAttachment } from "./message-attachment";
import { renderTemplate, valuesFromSend, type RenderedTemplate } from "./render-template";
import type { MessageItem } from "./types";

// Meta's and Papo's message shapes, read defensively: every field may be missing.
type Content = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type TemplateLookup = (name: string, language: string) => { components: unknown[] } | undefined;

/**
 * The content of one message, for every type Papo stores. Everything is rendered as React text (LinkifiedText for
 * free text); no field is ever interpreted as HTML, and only http(s) URLs become links.
 */
export function MessageBody({ message, orgSlug, findTemplate }: { message: MessageItem; orgSlug: string; findTemplate: TemplateLookup }) {
  const t = useTranslations("inbox.message");
  const c = message.content as Content;
  return message.direction === "inbound" ? <Inbound c={c} type={message.type} orgSlug={orgSlug} t={t} /> : <Outbound c={c} type={message.type} t={t} findTemplate={findTemplate} />;
}

type T = ReturnType<typeof useTranslations<"inbox.message">>;

function Inbound({ c, type, orgSlug, t }: { c: Content; type: string; orgSlug: string; t: T }) {
  switch (type) {
    case "text":
      return <LinkifiedText text={String(c.text?.body ?? "")} />;
    case "image":
    case "video":
    case "audio":
    case "document":
    case "sticker":
      return <MessageAttachment orgSlug={orgSlug} kind={type} media={c.media} caption={str(c[type]?.caption)} filename={str(c[type]?.filename)} />;
    case "location":
      return <Location t={t} {...(c.location ?? {})} />;
    case "contacts":
      return <Contacts t={t} contacts={c.contacts} />;
    case "interactive": {
      const i = c.interactive ?? {};
      const reply = i.button_reply ?? i.list_reply;
      if (reply) {
        return (
          <div className="grid gap-0.5" data-testid="interactive-reply">
            <span className="text-[11px] uppercase tracking-wide text-muted-foreground">{t(i.list_reply ? "listReply" : "buttonReply")}</span>
            <p className="font-medium">{str(reply.title)}</p>
            {i.list_reply?.description && <p className="text-xs text-muted-foreground">{str(i.list_reply.description)}</p>}
          </div>
        );
      }
      if (i.nfm_reply) return <p className="whitespace-pre-wrap break-words">{str(i.nfm_reply.body) || t("flowReply")}</p>;
      return <p className="italic text-muted-foreground">{t("unsupported", { type: `interactive ${str(i.type)}` })}</p>;
    }
    case "button":
      return (
        <div className="grid gap-0.5" data-testid="interactive-reply">
          <span className="text-[11px] uppercase tracking-wide text-muted-foreground">{t("buttonReply")}</span>
          <p className="font-medium">{str(c.button?.text)}</p>
        </div>
      );
    case "order":
      return (
        <div className="grid gap-1">
          <p className="font-medium">{t("order", { count: Array.isArray(c.order?.product_items) ? c.order.product_items.length : 0 })}</p>
          {Array.isArray(c.order?.product_items) && (
            <ul className="text-xs">
              {c.order.product_items.map((p: Content, i: number) => (
                <li key={i}>
                  {str(p.quantity)} × {str(p.product_retailer_id)} — {str(p.item_price)} {str(p.currency)}
                </li>
              ))}
            </ul>
          )}
          {c.order?.text && <LinkifiedText text={str(c.order.text)} />}
        </div>
      );
    case "system":
      return <p className="italic text-muted-foreground">{str(c.system?.body) || t("system")}</p>;
    case "request_welcome":
      return <p className="italic text-muted-foreground">{t("requestWelcome")}</p>;
    case "reaction":
      return <p>{str(c.reaction?.emoji) || t("reactionRemoved")}</p>;
    default:
      return <p className="italic text-muted-foreground">{t("unsupported", { type: str(c.unsupported?.type) || type })}</p>;
  }
}

function Outbound({ c, type, t, findTemplate }: { c: Content; type: string; t: T; findTemplate: TemplateLookup }) {
  switch (type) {
    case "text":
      return <LinkifiedText text={str(c.body)} />;
    case "image":
    case "video":
    case "audio":
    case "document":
    case "sticker": {
      const link = typeof c.media?.link === "string" && /^https?:\/\//i.test(c.media.link) ? c.media.link : null;
      const src = typeof c.attachmentUrl === "string" && c.attachmentUrl.startsWith("/") ? c.attachmentUrl : link;
      if (src) return <AttachmentByUrl kind={type} src={src} caption={str(c.caption)} filename={str(c.filename)} />;
      return (
        <div className="grid gap-1">
          <p className="italic text-muted-foreground">{t("sentMedia", { kind: type })}</p>
          {c.caption && <LinkifiedText text={str(c.caption)} />}
        </div>
      );
    }
    case "location":
      return <Location t={t} latitude={c.latitude} longitude={c.longitude} name={c.name} address={c.address} />;
    case "contacts":
      return <Contacts t={t} contacts={c.contacts} />;
    case "reaction":
      return <p>{str(c.emoji) || t("reactionRemoved")}</p>;
    case "buttons":
    case "list":
    case "cta_url":
      return <Interactive c={c} type={type} />;
    case "template":
      return <Template c={c} t={t} findTemplate={findTemplate} />;
    default:
      return <p className="italic text-muted-foreground">{t("unsupported", { type })}</p>;
  }
}

function Interactive({ c, type }: { c: Content; type: string }) {
  const header = typeof c.header === "string" ? c.header : c.header?.type === "text" ? str(c.header.text) : "";
  const options: string[] =
    type === "buttons"
      ? (c.buttons ?? []).map((b: Content) => str(b.title))
      : type === "list"
        ? (c.sections ?? []).flatMap((s: Content) => (s.rows ?? []).map((r: Content) => str(r.title)))
        : [str(c.displayText)];
  return (
    <div className="grid gap-1" data-testid="interactive-message">
      {header && <p className="font-semibold">{header}</p>}
      <LinkifiedText text={str(c.body)} />
      {c.footer && <p className="text-xs text-muted-foreground">{str(c.footer)}</p>}
      <ul className="mt-1 grid gap-1">
        {type === "list" && <li className="text-xs font-medium text-muted-foreground">☰ {str(c.button)}</li>}
        {options.map((o, i) => (
          <li key={i} className="rounded border bg-background/60 px-2 py-1 text-center text-xs font-medium">
            {o}
          </li>
        ))}
      </ul>
      {type === "cta_url" && typeof c.url === "string" && /^https?:\/\//i.test(c.url) && (
        <a href={c.url} target="_blank" rel="noopener noreferrer" className="break-all text-xs underline">
          {c.url}
        </a>
      )}
    </div>
  );
}

function Template({ c, t, findTemplate }: { c: Content; t: T; findTemplate: TemplateLookup }) {
  const name = str(c.name);
  const language = str(c.language);
  const definition = findTemplate(name, language);
  const rendered: RenderedTemplate | null =
    typeof c.renderedText === "string"
      ? { header: null, body: c.renderedText, footer: null, buttons: [] }
      : definition
        ? renderTemplate(definition.components, valuesFromSend(c.components))
        : null;
  return (
    <div className="grid gap-1" data-testid="template-message">
      <span className="text-[11px] uppercase tracking-wide text-muted-foreground">{t("template", { name, language })}</span>
      {rendered ? (
        <>
          {rendered.header && <p className="font-semibold">{rendered.header}</p>}
          <LinkifiedText text={rendered.body} />
          {rendered.footer && <p className="text-xs text-muted-foreground">{rendered.footer}</p>}
          {rendered.buttons.length > 0 && (
            <ul className="mt-1 grid gap-1">
              {rendered.buttons.map((b, i) => (
                <li key={i} className="rounded border bg-background/60 px-2 py-1 text-center text-xs font-medium">
                  {b}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className="italic text-muted-foreground">{t("templateUnknown")}</p>
      )}
    </div>
  );
}

function Location({ t, latitude, longitude, name, address }: { t: T; latitude?: unknown; longitude?: unknown; name?: unknown; address?: unknown }) {
  const links = mapLinks(latitude, longitude);
  const link = "text-xs underline underline-offset-2";
  return (
    <div className="grid gap-0.5" data-testid="location-message">
      <p className="flex items-center gap-1.5 font-medium">
        <MapPinIcon aria-hidden="true" className="size-4" />
        {str(name) || t("location")}
      </p>
      {str(address) && <p className="text-xs text-muted-foreground">{str(address)}</p>}
      {links && (
        <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
          <a href={links.google} target="_blank" rel="noopener noreferrer" className={link} data-testid="location-google">
            {t("openMap", { lat: links.lat.toFixed(5), lng: links.lng.toFixed(5) })}
          </a>
          <a href={links.osm} target="_blank" rel="noopener noreferrer" className={link} data-testid="location-osm">
            {t("openStreetMap")}
          </a>
        </p>
      )}
    </div>
  );
}

function Contacts({ t, contacts }: { t: T; contacts: unknown }) {
  const list = Array.isArray(contacts) ? (contacts as Content[]) : [];
  return (
    <ul className="grid gap-2" data-testid="contacts-message">
      {list.map((card, i) => (
        <li key={i} className="flex items-start gap-2 rounded border bg-background/60 p-2">
          <ContactIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <div className="min-w-0 text-xs">
            <p className="text-sm font-medium">{str(card.name?.formatted_name) || t("contactCard")}</p>
            {(Array.isArray(card.phones) ? card.phones : []).map((p: Content, j: number) => (
              <p key={`p${j}`}>{str(p.phone) || str(p.wa_id)}</p>
            ))}
            {(Array.isArray(card.emails) ? card.emails : []).map((e: Content, j: number) => (
              <p key={`e${j}`}>{str(e.email)}</p>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}

function str(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
}
