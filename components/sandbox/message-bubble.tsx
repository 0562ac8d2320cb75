"use client";

import * as React from "react";
import { CheckCheckIcon, CheckIcon, ClockIcon, MapPinIcon, XCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { TemplatePreview } from "@/components/templates";
import { cn } from "@/components/ui/cn";
import type { CustomerAction } from "@/lib/sandbox/customer-action";
import type { SandboxMessageView } from "@/lib/sandbox/sandbox-chat";
import { templateParametersFromSend } from "@/lib/whatsapp/templates/template-parameters-from-send";
import { useClockTime } from "@/components/inbox/use-clock-time";

type Content = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Meta's and Papo's shapes, read defensively

export const REACTIONS = ["👍", "❤️", "😂", "😮", "🙏"];

/** A bubble on the customer's phone: the customer's own messages on the right ("me"), the business's on the left. */
export function MessageBubble({
  message,
  reactions,
  onAction,
  busy,
}: {
  message: SandboxMessageView | PendingMessage;
  reactions: string[];
  onAction: (action: CustomerAction) => void;
  busy: boolean;
}) {
  const t = useTranslations("sandbox");
  const clockTime = useClockTime();
  const mine = message.direction === "inbound";
  const [reacting, setReacting] = React.useState(false);
  const c = message.content as Content;
  const wamid = message.waMessageId;

  return (
    <li
      data-testid="sandbox-message"
      data-direction={message.direction}
      data-status={message.status}
      className={cn("flex flex-col gap-1", mine ? "items-end" : "items-start")}
    >
      <div
        className={cn(
          "relative max-w-[85%] rounded-lg px-3 py-2 text-sm shadow-sm",
          mine ? "rounded-tr-none bg-[#d9fdd3] text-neutral-900" : "rounded-tl-none bg-white text-neutral-900",
        )}
      >
        <Body message={message} content={c} onAction={onAction} busy={busy} />
        <div className="mt-1 flex items-center justify-end gap-1 text-[11px] text-neutral-500">
          <time dateTime={message.createdAt}>{clockTime(message.createdAt)}</time>
          <Ticks status={message.status} />
        </div>
        {reactions.length > 0 && (
          <span className="absolute -bottom-3 left-2 rounded-full border bg-white px-1.5 text-xs shadow-sm" aria-label={reactions.join(" ")}>
            {reactions.join("")}
          </span>
        )}
      </div>
      {!mine && wamid && (
        <div className="flex items-center gap-1 pt-1">
          <button type="button" className="text-xs text-neutral-500 underline-offset-2 hover:underline" onClick={() => setReacting((v) => !v)}>
            {t("react")}
          </button>
          {reacting &&
            [...REACTIONS, ""].map((emoji) => (
              <button
                key={emoji || "remove"}
                type="button"
                disabled={busy}
                aria-label={emoji ? t("reactWith", { emoji }) : t("removeReaction")}
                className="rounded px-1 text-sm hover:bg-neutral-200"
                onClick={() => {
                  setReacting(false);
                  onAction({ type: "reaction", messageId: wamid, emoji });
                }}
              >
                {emoji || "✕"}
              </button>
            ))}
        </div>
      )}
    </li>
  );
}

export type PendingMessage = Omit<SandboxMessageView, "id" | "conversationId"> & { id: string; conversationId: null };

function Body({ message, content: c, onAction, busy }: { message: SandboxMessageView | PendingMessage; content: Content; onAction: (a: CustomerAction) => void; busy: boolean }) {
  const t = useTranslations("sandbox");
  const [listOpen, setListOpen] = React.useState(false);
  const wamid = message.waMessageId;
  const inbound = message.direction === "inbound";

  if (inbound) {
    switch (c.type) {
      case "text":
        return <p className="whitespace-pre-wrap break-words">{c.text?.body}</p>;
      case "location":
        return <Location name={c.location?.name} latitude={c.location?.latitude} longitude={c.location?.longitude} />;
      case "interactive":
        return <p className="whitespace-pre-wrap">{c.interactive?.button_reply?.title ?? c.interactive?.list_reply?.title ?? c.interactive?.type}</p>;
      case "button":
        return <p>{c.button?.text}</p>;
      case "image":
      case "document":
      case "video":
      case "audio":
      case "sticker":
        return <p className="italic">{c[c.type]?.caption ?? c[c.type]?.filename ?? t("media", { type: c.type })}</p>;
      default:
        return <p className="italic text-neutral-500">{t("unsupported", { type: String(c.type ?? message.type) })}</p>;
    }
  }

  switch (c.type) {
    case "text":
      return <p className="whitespace-pre-wrap break-words">{c.body}</p>;
    case "location":
      return <Location name={c.name} latitude={c.latitude} longitude={c.longitude} />;
    case "buttons":
      return (
        <div className="grid gap-2">
          {c.header?.type === "text" && <p className="font-semibold">{c.header.text}</p>}
          <p className="whitespace-pre-wrap">{c.body}</p>
          {c.footer && <p className="text-xs text-neutral-500">{c.footer}</p>}
          <div className="-mx-3 -mb-1 grid border-t">
            {(c.buttons as { id: string; title: string }[] | undefined)?.map((b) => (
              <button
                key={b.id}
                type="button"
                disabled={!wamid || busy}
                className="border-b py-1.5 text-center text-sm font-medium text-sky-600 last:border-b-0 hover:bg-neutral-50 disabled:opacity-50"
                onClick={() => wamid && onAction({ type: "button_reply", contextId: wamid, id: b.id, title: b.title })}
              >
                {b.title}
              </button>
            ))}
          </div>
        </div>
      );
    case "list":
      return (
        <div className="grid gap-2">
          {c.header && <p className="font-semibold">{c.header}</p>}
          <p className="whitespace-pre-wrap">{c.body}</p>
          {c.footer && <p className="text-xs text-neutral-500">{c.footer}</p>}
          <button
            type="button"
            aria-expanded={listOpen}
            disabled={!wamid}
            className="-mx-3 -mb-1 border-t py-1.5 text-center text-sm font-medium text-sky-600 hover:bg-neutral-50 disabled:opacity-50"
            onClick={() => setListOpen((v) => !v)}
          >
            {c.button}
          </button>
          {listOpen && (
            <div className="grid gap-2 rounded border bg-neutral-50 p-2">
              {(c.sections as { title?: string; rows: { id: string; title: string; description?: string }[] }[] | undefined)?.map((s, i) => (
                <div key={s.title ?? i} className="grid gap-1">
                  {s.title && <p className="text-xs font-semibold uppercase text-emerald-700">{s.title}</p>}
                  {s.rows.map((r) => (
                    <button
                      key={r.id}
                      type="button"
                      disabled={busy}
                      className="rounded px-2 py-1 text-left hover:bg-white"
                      onClick={() => {
                        setListOpen(false);
                        if (wamid) onAction({ type: "list_reply", contextId: wamid, id: r.id, title: r.title, description: r.description });
                      }}
                    >
                      <span className="block text-sm">{r.title}</span>
                      {r.description && <span className="block text-xs text-neutral-500">{r.description}</span>}
                    </button>
                  ))}
                </div>
              ))}
            </div>
          )}
        </div>
      );
    case "cta_url":
      return (
        <div className="grid gap-2">
          <p className="whitespace-pre-wrap">{c.body}</p>
          <a href={c.url} target="_blank" rel="noreferrer" className="-mx-3 -mb-1 border-t py-1.5 text-center text-sm font-medium text-sky-600">
            {c.displayText ?? t("openLink")}
          </a>
        </div>
      );
    case "template":
      // Shown as the contact's phone would, filled in, when the template is synced; otherwise just its name.
      return "template" in message && message.template ? (
        <TemplatePreview
          template={message.template}
          parameters={templateParametersFromSend(c.components)}
          className="-mx-3 -my-2 max-w-none bg-transparent shadow-none ring-0"
        />
      ) : (
        <p className="italic">{t("template", { name: String(c.name) })}</p>
      );
    case "image":
    case "video":
    case "audio":
    case "document":
    case "sticker":
      return <p className="italic">{c.caption ?? c.filename ?? t("media", { type: c.type })}</p>;
    default:
      return <p className="italic text-neutral-500">{t("unsupported", { type: String(c.type ?? message.type) })}</p>;
  }
}

function Location({ name, latitude, longitude }: { name?: string; latitude?: unknown; longitude?: unknown }) {
  return (
    <p className="flex items-start gap-1.5">
      <MapPinIcon aria-hidden="true" className="mt-0.5 size-4 text-red-500" />
      <span>
        {name && <span className="block font-medium">{name}</span>}
        <span className="text-xs text-neutral-600">
          {String(latitude)}, {String(longitude)}
        </span>
      </span>
    </p>
  );
}

/** WhatsApp's ticks: clock (not yet stored), ✓ sent, ✓✓ delivered (a stored customer message counts as delivered), blue ✓✓ read. */
function Ticks({ status }: { status: string }) {
  const t = useTranslations("sandbox.status");
  const label = t(status as "pending");
  const cls = "size-3.5";
  let icon: React.ReactNode;
  if (status === "pending" || status === "queued") icon = <ClockIcon aria-hidden="true" className={cls} />;
  else if (status === "sent") icon = <CheckIcon aria-hidden="true" className={cls} />;
  else if (status === "failed") icon = <XCircleIcon aria-hidden="true" className={cn(cls, "text-red-500")} />;
  else icon = <CheckCheckIcon aria-hidden="true" className={cn(cls, status === "read" || status === "played" ? "text-sky-500" : "")} />;
  return (
    <span data-testid="ticks" role="img" aria-label={label} title={label} className="inline-flex">
      {icon}
    </span>
  );
}
