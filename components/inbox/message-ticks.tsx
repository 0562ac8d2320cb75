"use client";

import { CheckCheckIcon, CheckIcon, ClockIcon, XCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";
import type { MessageStatus } from "./types";

/** WhatsApp's ticks for an outbound message: clock (queued), ✓ sent, ✓✓ delivered, blue ✓✓ read, ✕ failed. */
export function MessageTicks({ status, pending }: { status: MessageStatus; pending?: boolean }) {
  const t = useTranslations("inbox.ticks");
  const shown = pending ? "pending" : status;
  const label = t(shown === "played" ? "read" : shown === "received" ? "delivered" : shown);
  const Icon = shown === "pending" || shown === "queued" ? ClockIcon : shown === "sent" ? CheckIcon : shown === "failed" ? XCircleIcon : CheckCheckIcon;
  return (
    <span data-testid="ticks" data-status={shown} role="img" aria-label={label} title={label} className="inline-flex">
      <Icon
        aria-hidden="true"
        className={cn("size-3.5", (shown === "read" || shown === "played") && "text-sky-500", shown === "failed" && "text-destructive")}
      />
    </span>
  );
}
