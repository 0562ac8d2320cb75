"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiFetch } from "@/components/api/api-fetch";
import { upsertConversation, upsertTimelineItem } from "./inbox-cache";
import { inboxKeys, orgApi } from "./inbox-keys";
import type { ConversationItem, EventItem } from "./types";

type Action =
  | { kind: "assign"; assigneeId?: string | null; departmentId?: string | null; note?: string }
  | { kind: "status"; status: "open" | "pending" | "closed" }
  | { kind: "priority"; priority: "low" | "normal" | "high" | "urgent" }
  | { kind: "tag"; tagId: string; add: boolean }
  | { kind: "owner"; owner: "human" | "bot" };

/** The header's actions. The server answers with the conversation, applied at once; the socket tells everyone else. */
export function useConversationActions(slug: string, conversationId: string, me: string) {
  const qc = useQueryClient();
  const base = `${orgApi(slug)}/conversations/${conversationId}`;
  const act = useMutation({
    mutationFn: (a: Action) => {
      switch (a.kind) {
        case "assign": {
          const { kind: _k, ...body } = a;
          void _k;
          return apiFetch<{ conversation: ConversationItem }>(`${base}/assign`, { method: "POST", body });
        }
        case "status":
          return apiFetch<{ conversation: ConversationItem }>(`${base}/status`, { method: "POST", body: { status: a.status } });
        case "priority":
          return apiFetch<{ conversation: ConversationItem }>(`${base}/priority`, { method: "POST", body: { priority: a.priority } });
        case "tag":
          return a.add
            ? apiFetch<{ conversation: ConversationItem }>(`${base}/tags`, { method: "POST", body: { tagId: a.tagId } })
            : apiFetch<{ conversation: ConversationItem }>(`${base}/tags/${a.tagId}`, { method: "DELETE" });
        case "owner":
          return apiFetch<{ conversation: ConversationItem }>(`${base}/owner`, { method: "POST", body: { owner: a.owner } });
      }
    },
    onSuccess: (res) => {
      upsertConversation(qc, slug, res.conversation, me);
      void qc.invalidateQueries({ queryKey: inboxKeys.conversation(slug, conversationId) });
      void qc.invalidateQueries({ queryKey: inboxKeys.counts(slug) });
    },
  });

  const note = useMutation({
    mutationFn: (body: string) => apiFetch<{ event: EventItem }>(`${base}/notes`, { method: "POST", body: { body } }),
    onSuccess: (res) => upsertTimelineItem(qc, slug, { ...res.event, kind: "event" }),
  });

  return { act, note };
}

/** Marks the conversation read for the team (unread count 0) when an agent looks at it. */
export function markRead(slug: string, conversationId: string) {
  return apiFetch<{ conversation: ConversationItem }>(`${orgApi(slug)}/conversations/${conversationId}/read`, { method: "POST" });
}
