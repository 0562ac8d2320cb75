"use client";

import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";
import type { ConnectionState } from "./use-inbox-socket";

/** Whether what the agent sees is live: green when the socket is connected, amber while it reconnects. */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const t = useTranslations("inbox.connection");
  return (
    <span data-testid="connection-indicator" data-state={state} role="status" className="flex items-center gap-1.5 text-xs text-muted-foreground">
      <span
        aria-hidden="true"
        className={cn(
          "size-2 rounded-full",
          state === "live" ? "bg-success" : state === "offline" ? "bg-destructive" : "animate-pulse bg-warning",
        )}
      />
      {t(state)}
    </span>
  );
}
