"use client";

import * as React from "react";
import { useQueryClient, type InfiniteData } from "@tanstack/react-query";

import { apiFetch } from "@/components/api/api-fetch";
import { useErrorMessage } from "@/components/api/use-error-message";
import { postAttachment } from "./attach-form";
import { upsertTimelineItem } from "./inbox-cache";
import { inboxKeys, orgApi } from "./inbox-keys";
import type { MessageItem, TimelinePage } from "./types";

export type OutgoingMessage = { type: string } & Record<string, unknown>;

/**
 * Optimistic but honest sending: the message appears at once with a clock ("sending"), becomes the server's row
 * (status `queued` until Meta's statuses arrive) when the API confirms, or says it was not sent — with the
 * reason — and offers to try again. A retry of an unconfirmed send reuses its idempotency key, so a request that
 * did reach the server is never stored twice; a retry of a message that failed at Meta asks the server for a new
 * attempt (POST …/retry).
 */
export function useSendMessage(slug: string, conversationId: string, me: { id: string; name: string }) {
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const [retryingId, setRetryingId] = React.useState<string | null>(null);
  const [retryError, setRetryError] = React.useState<string | null>(null);

  const patchPending = React.useCallback(
    (key: string, patch: Partial<MessageItem>) =>
      qc.setQueryData<InfiniteData<TimelinePage, string | null>>(inboxKeys.timeline(slug, conversationId), (data) =>
        data
          ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((x) => (x.kind === "message" && x.pending && x.clientKey === key ? { ...x, ...patch } : x)) })) }
          : data,
      ),
    [qc, slug, conversationId],
  );

  const post = React.useCallback(
    async (key: string, message: OutgoingMessage, replyTo: string | undefined) => {
      try {
        // A file picked in the attach form goes through the upload route; the same key makes a retry idempotent.
        const res =
          message.file instanceof File
            ? await postAttachment(`${orgApi(slug)}/conversations/${conversationId}/attachments`, message as OutgoingMessage & { file: File }, replyTo, key)
            : await apiFetch<{ message: MessageItem }>(`${orgApi(slug)}/conversations/${conversationId}/messages`, {
                method: "POST",
                body: { message, ...(replyTo ? { replyTo } : {}), idempotencyKey: key },
              });
        upsertTimelineItem(qc, slug, { ...res.message, kind: "message" });
      } catch (err) {
        patchPending(key, { clientError: errorMessage(err) ?? "", pending: true });
        // The window may have closed under us (409): the composer must learn it.
        void qc.invalidateQueries({ queryKey: inboxKeys.conversation(slug, conversationId) });
      }
    },
    [qc, slug, conversationId, patchPending, errorMessage],
  );

  const send = React.useCallback(
    (message: OutgoingMessage, replyTo?: string) => {
      const key = `composer:${crypto.randomUUID()}`;
      const optimistic: MessageItem = {
        kind: "message",
        id: `pending-${key}`,
        conversationId,
        createdAt: new Date().toISOString(),
        direction: "outbound",
        type: message.type,
        content: { ...message, ...(replyTo ? { replyTo } : {}), idempotencyKey: key },
        status: "queued",
        waMessageId: null,
        sender: "user",
        senderUserId: me.id,
        senderName: me.name,
        errorCode: null,
        errorTitle: null,
        errorDetails: null,
        pending: true,
        clientKey: key,
      };
      qc.setQueryData<InfiniteData<TimelinePage, string | null>>(inboxKeys.timeline(slug, conversationId), (data) =>
        data && data.pages.length ? { ...data, pages: [{ ...data.pages[0], items: [...data.pages[0].items, optimistic] }, ...data.pages.slice(1)] } : data,
      );
      void post(key, message, replyTo);
    },
    [qc, slug, conversationId, me.id, me.name, post],
  );

  const retry = React.useCallback(
    async (m: MessageItem) => {
      if (m.pending && m.clientKey) {
        patchPending(m.clientKey, { clientError: undefined });
        const { idempotencyKey: _key, replyTo, ...message } = m.content as OutgoingMessage & { idempotencyKey?: string; replyTo?: string };
        void _key;
        await post(m.clientKey, message as OutgoingMessage, replyTo);
        return;
      }
      setRetryingId(m.id);
      setRetryError(null);
      try {
        const res = await apiFetch<{ message: MessageItem }>(`${orgApi(slug)}/conversations/${conversationId}/messages/${m.id}/retry`, { method: "POST" });
        upsertTimelineItem(qc, slug, { ...res.message, kind: "message" });
      } catch (err) {
        setRetryError(errorMessage(err));
      } finally {
        setRetryingId(null);
      }
    },
    [qc, slug, conversationId, patchPending, post, errorMessage],
  );

  return { send, retry, retryingId, retryError };
}
