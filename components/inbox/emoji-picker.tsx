"use client";

import * as React from "react";
import { SmileIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";

// A small built-in set: what agents use most in support chats. No package, no network.
const EMOJI = ["😀", "😊", "😂", "😉", "😍", "🥰", "😅", "🙂", "🤔", "😢", "😮", "🙏", "👍", "👎", "👏", "🙌", "💪", "👋", "❤️", "💚", "🎉", "✅", "❌", "⚠️", "⏳", "📦", "🚚", "💳", "📞", "📍", "🔥", "⭐"];

export function EmojiPicker({ onPick, disabled }: { onPick: (emoji: string) => void; disabled?: boolean }) {
  const t = useTranslations("inbox.composer");
  const [open, setOpen] = React.useState(false);
  return (
    <div className="relative">
      <Button type="button" size="icon" variant="ghost" className="size-8" aria-label={t("emoji")} aria-expanded={open} onClick={() => setOpen((o) => !o)} disabled={disabled}>
        <SmileIcon aria-hidden="true" />
      </Button>
      {open && (
        <div
          role="dialog"
          aria-label={t("emoji")}
          className="absolute bottom-10 left-0 z-20 grid w-64 grid-cols-8 gap-0.5 rounded-md border bg-popover p-2 shadow-md"
          onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
        >
          {EMOJI.map((e) => (
            <button
              key={e}
              type="button"
              aria-label={e}
              className="rounded p-1 text-lg hover:bg-muted"
              onClick={() => {
                onPick(e);
                setOpen(false);
              }}
            >
              {e}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
