"use client";

import * as React from "react";
import { BotIcon, ReplyIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";
import { MessageBody, type TemplateLookup } from "./message-body";
import { MessageFailure } from "./message-failure";
import { MessageTicks } from "./message-ticks";
import { quoteText } from "./quote-text";
import type { MessageItem } from "./types";
import { useClockTime } from "./use-clock-time";

/** One message of the timeline: customer on the left, the business (agents, bot, campaigns) on the right. */
export const MessageBubble = React.memo(function MessageBubble({
  message,
  quoted,
  reactions,
  orgSlug,
  findTemplate,
  onReply,
  onRetry,
  retrying,
}: {
  message: MessageItem;
  quoted: MessageItem | undefined | null;
  reactions: string[];
  orgSlug: string;
  findTemplate: TemplateLookup;
  onReply?: (m: MessageItem) => void;
  onRetry?: (m: MessageItem) => void;
  retrying?: boolean;
}) {
  const t = useTranslations("inbox.message");
  const clockTime = useClockTime();
  const inbound = message.direction === "inbound";
  const failed = message.status === "failed" || Boolean(message.clientError);
  const hasContext = Boolean(quotedWamid(message));
  return (
    <li
      data-testid="timeline-message"
      data-message-id={message.id}
      data-direction={message.direction}
      data-status={message.pending && !message.clientError ? "pending" : message.clientError ? "failed" : message.status}
      className={cn("group flex flex-col gap-0.5", inbound ? "items-start" : "items-end")}
    >
      {!inbound && (message.sender === "bot" || message.senderName) && (
        <span className="flex items-center gap-1 px-1 text-[11px] text-muted-foreground">
          {message.sender === "bot" && <BotIcon aria-hidden="true" className="size-3" />}
          {message.sender === "bot" ? t("bot") : message.sender === "campaign" ? t("campaign") : message.senderName}
        </span>
      )}
      <div className="flex max-w-[80%] items-end gap-1">
        {!inbound && onReply && message.waMessageId && <ReplyButton onClick={() => onReply(message)} label={t("reply")} />}
        <div
          className={cn(
            "relative min-w-24 rounded-lg px-3 py-2 text-sm shadow-sm",
            inbound ? "rounded-tl-none bg-muted" : "rounded-tr-none bg-primary/10",
            failed && "border border-destructive/50",
          )}
        >
          {hasContext && (
            <blockquote data-testid="message-quote" className="mb-1 border-l-2 border-primary/60 bg-background/50 px-2 py-1 text-xs text-muted-foreground">
              {quoted ? quoteText(quoted, t) : t("quotedUnavailable")}
            </blockquote>
          )}
          <MessageBody message={message} orgSlug={orgSlug} findTemplate={findTemplate} />
          <div className="mt-1 flex items-center justify-end gap-1 text-[11px] text-muted-foreground">
            <time dateTime={message.createdAt}>{clockTime(message.createdAt)}</time>
            {!inbound && <MessageTicks status={message.clientError ? "failed" : message.status} pending={message.pending && !message.clientError} />}
          </div>
          {reactions.length > 0 && (
            <span data-testid="message-reactions" className="absolute -bottom-3 left-2 rounded-full border bg-background px-1.5 text-xs shadow-sm" aria-label={t("reactions", { emoji: reactions.join(" ") })}>
              {reactions.join("")}
            </span>
          )}
        </div>
        {inbound && onReply && message.waMessageId && <ReplyButton onClick={() => onReply(message)} label={t("reply")} />}
      </div>
      {failed && <MessageFailure message={message} onRetry={onRetry ? () => onRetry(message) : undefined} retrying={retrying} />}
    </li>
  );
});

function ReplyButton({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <button type="button" onClick={onClick} aria-label={label} title={label} className="rounded p-1 text-muted-foreground opacity-0 group-hover:opacity-100 focus-visible:opacity-100 hover:bg-muted">
      <ReplyIcon aria-hidden="true" className="size-3.5" />
    </button>
  );
}

/** The wamid a message quotes: Meta's context.id inbound, Papo's replyTo outbound. */
export function quotedWamid(m: MessageItem): string | null {
  const c = m.content as { context?: { id?: unknown }; replyTo?: unknown };
  if (m.direction === "inbound") return typeof c.context?.id === "string" ? c.context.id : null;
  return typeof c.replyTo === "string" ? c.replyTo : null;
}
