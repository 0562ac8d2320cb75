"use client";

import * as React from "react";
import { BellRingIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import type { HandoffNotice } from "./use-handoff-notices";

/** The in-page handoff / assignment notices (bottom right), each linking to its conversation. */
export function HandoffToasts({ notices, onOpen, onDismiss }: { notices: HandoffNotice[]; onOpen: (conversationId: string) => void; onDismiss: (conversationId: string) => void }) {
  const t = useTranslations("inboxNotices");
  // Read at render: notices only exist after hydration (they come from socket events), so server and client agree.
  const [, setAsked] = React.useState(0);
  const permission = typeof Notification === "undefined" ? "unsupported" : Notification.permission;

  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2">
      {notices.map((n) => (
        <div key={n.conversationId} data-testid="handoff-toast" data-kind={n.kind} className="pointer-events-auto rounded-md border bg-popover p-3 text-sm shadow-lg">
          <div className="flex items-start gap-2">
            <BellRingIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
            <div className="min-w-0 flex-1">
              <p className="font-medium">{n.kind === "handoff" ? t("handoffTitle") : t("assignedTitle")}</p>
              <p className="truncate text-muted-foreground">{n.name || t("unknownContact")}</p>
              <a
                href={`?c=${n.conversationId}`}
                className="mt-1 inline-block font-medium text-primary underline-offset-4 hover:underline"
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(n.conversationId);
                  onDismiss(n.conversationId);
                }}
              >
                {t("open")}
              </a>
            </div>
            <Button type="button" variant="ghost" size="icon" className="size-6" aria-label={t("dismiss")} onClick={() => onDismiss(n.conversationId)}>
              <XIcon aria-hidden="true" />
            </Button>
          </div>
          {permission === "default" && (
            <button
              type="button"
              className="mt-2 text-xs text-muted-foreground underline underline-offset-4"
              onClick={() => void Notification.requestPermission().then(() => setAsked((n) => n + 1))}
            >
              {t("enableDesktop")}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
