"use client";

import { AlertTriangleIcon, RotateCwIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import type { MessageItem } from "./types";

/**
 * Why a message did not go out, in the agent's words and in Meta's: the plain-language explanation stored with
 * the failure (content.failure.explanation), then Meta's code, title and details. Retry queues a new attempt.
 */
export function MessageFailure({ message, onRetry, retrying }: { message: MessageItem; onRetry?: () => void; retrying?: boolean }) {
  const t = useTranslations("inbox.failure");
  const failure = (message.content?.failure ?? {}) as { explanation?: unknown; reason?: unknown };
  const explanation = typeof failure.explanation === "string" ? failure.explanation : null;
  return (
    <div role="alert" data-testid="message-failure" className="mt-1 grid max-w-[80%] gap-1 rounded border border-destructive/40 bg-destructive/5 p-2 text-xs text-foreground">
      <p className="flex items-center gap-1 font-semibold text-destructive">
        <AlertTriangleIcon aria-hidden="true" className="size-3.5" />
        {message.clientError ? t("notSent") : t("failed")}
      </p>
      {message.clientError && <p data-testid="failure-client">{message.clientError}</p>}
      {explanation && <p data-testid="failure-explanation">{explanation}</p>}
      {(message.errorCode !== null || message.errorTitle) && (
        <p data-testid="failure-meta" className="text-muted-foreground">
          {t("metaSaid", { code: message.errorCode ?? "—", title: message.errorTitle ?? "" })}
          {message.errorDetails && <span className="block">{message.errorDetails}</span>}
        </p>
      )}
      {onRetry && (
        <Button type="button" size="sm" variant="outline" className="h-7 w-fit" onClick={onRetry} disabled={retrying}>
          <RotateCwIcon aria-hidden="true" />
          {t("retry")}
        </Button>
      )}
    </div>
  );
}
