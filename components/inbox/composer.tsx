"use client";

import * as React from "react";
import { PaperclipIcon, SendIcon, StickyNoteIcon, UnplugIcon, XIcon } from "lucide-react";
import { useNow, useTranslations } from "next-intl";

import { PriceHint } from "@/components/spend/price-hint";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { AttachForm } from "./attach-form";
import { EmojiPicker } from "./emoji-picker";
import { quoteText } from "./quote-text";
import { TemplatePicker } from "./template-picker";
import type { OutgoingMessage } from "./use-send-message";
import type { CannedReply, ChannelOption, MessageItem, TemplateOption } from "./types";
import { WindowCountdown, windowOpen } from "./window-countdown";

const MAX_TEXT = 4096;

/** The `/shortcut` being typed at the caret, if any: a slash at the start or after whitespace. */
export function slashToken(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = before.match(/(^|\s)\/([a-z0-9_-]*)$/i);
  return m ? { start: before.length - m[2].length - 1, query: m[2].toLowerCase() } : null;
}

/**
 * Reply (to the customer) or note (to the team only, amber). Inside the 24-hour window: text with emoji, `/canned`
 * replies, a reply-to quote and attachments (uploaded from the device or by link). Outside it the reply side is the template picker — there is
 * no text box to type into the void. Viewers see no composer at all (the page does not render it).
 */
export function Composer({
  windowExpiresAt,
  channel = null,
  canReply,
  canNote,
  onSend,
  onNote,
  noting,
  replyTo,
  onClearReply,
  cannedReplies,
  templates,
  templatesLoading,
  onTyping,
  conversationId,
}: {
  windowExpiresAt: string | null;
  /** The number the reply goes through (shown); an Evolution number has no 24-hour window and no templates. */
  channel?: ChannelOption | null;
  canReply: boolean;
  canNote: boolean;
  onSend: (message: OutgoingMessage, replyTo?: string) => void;
  onNote: (body: string) => Promise<boolean>;
  noting: boolean;
  replyTo: MessageItem | null;
  onClearReply: () => void;
  cannedReplies: CannedReply[];
  templates: TemplateOption[];
  templatesLoading: boolean;
  onTyping: (typing: boolean) => void;
  /** Shows what the next message costs (components/spend/price-hint.tsx) when given. */
  conversationId?: string;
}) {
  const t = useTranslations("inbox.composer");
  const tm = useTranslations("inbox.message");
  const now = useNow({ updateInterval: 15_000 });
  const [mode, setMode] = React.useState<"reply" | "note">(canReply ? "reply" : "note");
  const [text, setText] = React.useState("");
  const [caret, setCaret] = React.useState(0);
  const [highlight, setHighlight] = React.useState(0);
  const [attaching, setAttaching] = React.useState(false);
  const textRef = React.useRef<HTMLTextAreaElement>(null);
  const typingTimer = React.useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const noWindow = channel?.provider === "evolution";
  // An Evolution number that is not linked cannot send: attemptSend fails the reply ("Number not connected").
  const disconnected = noWindow && channel?.connectionState != null && channel.connectionState !== "open";
  const open = noWindow || windowOpen(windowExpiresAt, now);
  const effectiveMode = canReply ? mode : "note";
  const templateMode = effectiveMode === "reply" && !open;
  // WhatsApp's text limit: a counter from 90% of it, and a refusal past it (the reply is not sent, nor trimmed).
  const nearLimit = effectiveMode === "reply" && text.length >= MAX_TEXT * 0.9;
  const tooLong = effectiveMode === "reply" && text.length > MAX_TEXT;

  const token = effectiveMode === "reply" ? slashToken(text, caret) : null;
  const suggestions = token ? cannedReplies.filter((c) => c.shortcut.toLowerCase().startsWith(token.query)).slice(0, 8) : [];

  const insert = (value: string, start = caret, end = caret) => {
    const next = text.slice(0, start) + value + text.slice(end);
    setText(next);
    const at = start + value.length;
    requestAnimationFrame(() => {
      textRef.current?.focus();
      textRef.current?.setSelectionRange(at, at);
      setCaret(at);
    });
  };

  const pickCanned = (c: CannedReply) => {
    if (!token) return;
    insert(c.body, token.start, caret);
    setHighlight(0);
  };

  const typing = (value: boolean) => {
    clearTimeout(typingTimer.current);
    if (effectiveMode !== "reply") return;
    onTyping(value);
    if (value) typingTimer.current = setTimeout(() => onTyping(false), 3000);
  };

  const submit = async () => {
    const body = text.trim();
    if (!body) return;
    if (effectiveMode === "note") {
      if (await onNote(body)) setText("");
      return;
    }
    if (!open || body.length > MAX_TEXT) return;
    onSend({ type: "text", body }, replyTo?.waMessageId ?? undefined);
    setText("");
    onClearReply();
    typing(false);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        setHighlight((h) => (h + (e.key === "ArrowDown" ? 1 : suggestions.length - 1)) % suggestions.length);
        return;
      }
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        pickCanned(suggestions[Math.min(highlight, suggestions.length - 1)]);
        return;
      }
    }
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <div data-testid="composer" data-mode={templateMode ? "template" : effectiveMode} className={cn("border-t p-3", effectiveMode === "note" && "bg-amber-50 dark:bg-amber-950/30")}>
      <div className="mb-2 flex items-center gap-2">
        <div role="tablist" aria-label={t("mode")} className="flex gap-1">
          {canReply && (
            <button type="button" role="tab" aria-selected={effectiveMode === "reply"} onClick={() => setMode("reply")} className={tabClass(effectiveMode === "reply")}>
              <SendIcon aria-hidden="true" className="size-3" />
              {t("replyTab")}
            </button>
          )}
          {canNote && (
            <button type="button" role="tab" aria-selected={effectiveMode === "note"} onClick={() => setMode("note")} className={tabClass(effectiveMode === "note")}>
              <StickyNoteIcon aria-hidden="true" className="size-3" />
              {t("noteTab")}
            </button>
          )}
        </div>
        {canReply && (
          <span className="ml-auto flex flex-wrap items-center justify-end gap-x-3">
            {conversationId && !templateMode && effectiveMode === "reply" && !noWindow && <PriceHint conversationId={conversationId} />}
            {!noWindow && <WindowCountdown windowExpiresAt={windowExpiresAt} />}
          </span>
        )}
      </div>
      {canReply && effectiveMode === "reply" && channel && (
        <p data-testid="composer-channel" className="mb-2 truncate text-xs text-muted-foreground">
          {t("via", { name: channel.name, number: channel.displayPhoneNumber ?? "" })}
          {noWindow && <span className="ml-1 rounded border border-warning/50 px-1 text-[10px] uppercase">{t("unofficial")}</span>}
          {noWindow && <span className="ml-1">{t("noWindow")}</span>}
        </p>
      )}
      {canReply && effectiveMode === "reply" && channel && disconnected && (
        <p role="alert" data-testid="composer-disconnected" className="mb-2 flex items-start gap-1.5 rounded-md border border-destructive/40 bg-destructive/10 px-2 py-1 text-xs">
          <UnplugIcon aria-hidden="true" className="mt-0.5 size-3 shrink-0" />
          {t("disconnected", { name: channel.name })}
        </p>
      )}

      {templateMode ? (
        <TemplatePicker templates={templates} loading={templatesLoading} sending={false} onSend={(m) => onSend(m)} conversationId={conversationId} />
      ) : (
        <>
          {effectiveMode === "note" && <p className="mb-1 text-xs font-medium text-amber-800 dark:text-amber-200">{t("noteHint")}</p>}
          {effectiveMode === "reply" && replyTo && (
            <div data-testid="reply-to" className="mb-2 flex items-start gap-2 rounded border-l-2 border-primary bg-muted px-2 py-1 text-xs">
              <span className="min-w-0 flex-1 truncate">
                {t("replyingTo")} {quoteText(replyTo, tm)}
              </span>
              <button type="button" aria-label={t("cancelReply")} onClick={onClearReply}>
                <XIcon aria-hidden="true" className="size-3.5" />
              </button>
            </div>
          )}
          {attaching && effectiveMode === "reply" && (
            <AttachForm
              onCancel={() => setAttaching(false)}
              onAttach={(m) => {
                onSend(m, replyTo?.waMessageId ?? undefined);
                setAttaching(false);
                onClearReply();
              }}
            />
          )}
          <div className="relative">
            {suggestions.length > 0 && (
              <ul role="listbox" aria-label={t("cannedReplies")} data-testid="canned-suggestions" className="absolute bottom-full left-0 z-20 mb-1 max-h-56 w-full overflow-y-auto rounded-md border bg-popover p-1 shadow-md">
                {suggestions.map((c, i) => (
                  <li
                    key={c.id}
                    role="option"
                    aria-selected={i === highlight}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      pickCanned(c);
                    }}
                    className={cn("cursor-pointer rounded px-2 py-1 text-sm", i === highlight && "bg-accent")}
                  >
                    <span className="font-mono text-xs text-primary">/{c.shortcut}</span> <span className="text-muted-foreground">{c.body.slice(0, 80)}</span>
                  </li>
                ))}
              </ul>
            )}
            <textarea
              ref={textRef}
              value={text}
              maxLength={effectiveMode === "note" ? 4000 : undefined}
              rows={3}
              aria-label={effectiveMode === "note" ? t("notePlaceholder") : t("placeholder")}
              placeholder={effectiveMode === "note" ? t("notePlaceholder") : t("placeholder")}
              onChange={(e) => {
                setText(e.target.value);
                setCaret(e.target.selectionStart);
                setHighlight(0);
                typing(e.target.value.length > 0);
              }}
              onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
              onKeyDown={onKeyDown}
              onBlur={() => typing(false)}
              className={cn(
                "w-full resize-none rounded-md border bg-background px-3 py-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring",
                effectiveMode === "note" && "border-amber-300 bg-amber-50/60 dark:bg-amber-950/20",
              )}
            />
          </div>
          {tooLong && (
            // Refused with the reason, never cut: pasting 5,000 characters used to send the first 4,096 silently.
            <p role="alert" data-testid="composer-too-long" className="mt-1 text-xs text-destructive">
              {t("tooLong", { length: text.length, max: MAX_TEXT })}
            </p>
          )}
          <div className="mt-1 flex items-center gap-1">
            {effectiveMode === "reply" && (
              <>
                <EmojiPicker onPick={(e) => insert(e)} />
                <Button type="button" size="icon" variant="ghost" className="size-8" aria-label={t("attach")} onClick={() => setAttaching((a) => !a)}>
                  <PaperclipIcon aria-hidden="true" />
                </Button>
                <span className="text-[11px] text-muted-foreground">{t("cannedHint")}</span>
              </>
            )}
            {nearLimit && (
              <span data-testid="composer-counter" className={cn("ml-auto text-[11px] tabular-nums", tooLong ? "font-medium text-destructive" : "text-muted-foreground")}>
                {t("counter", { length: text.length, max: MAX_TEXT })}
              </span>
            )}
            <Button type="button" size="sm" className={nearLimit ? "" : "ml-auto"} onClick={() => void submit()} disabled={!text.trim() || noting || tooLong} variant={effectiveMode === "note" ? "outline" : "default"}>
              {effectiveMode === "note" ? t("addNote") : t("send")}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

function tabClass(active: boolean) {
  return cn("flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium", active ? "bg-primary text-primary-foreground" : "bg-muted hover:bg-muted/70");
}
