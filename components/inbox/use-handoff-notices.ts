"use client";

import * as React from "react";

import { apiFetch } from "@/components/api/api-fetch";
import { orgApi } from "./inbox-keys";
import type { ConversationItem, EventItem, InboxEvent } from "./types";

export type HandoffNotice = { conversationId: string; kind: "handoff" | "assigned"; name: string; at: number };

const SHOW_MS = 20_000;

/**
 * Which pushed timeline events deserve an agent's attention: a bot handoff that is theirs (assigned to them, or
 * to nobody in a department they belong to / no department), and any assignment to them by someone else (or by
 * the auto-assign rule). One notice per conversation: a handoff followed by its auto-assignment shows once.
 * When the person allowed it, a browser Notification is shown too (clicking it opens the conversation).
 */
export function useHandoffNotices({
  slug,
  me,
  enabled,
  myDepartmentIds,
  onOpen,
  messages,
}: {
  slug: string;
  me: string;
  enabled: boolean;
  myDepartmentIds: string[];
  onOpen: (conversationId: string) => void;
  messages: { title: (kind: HandoffNotice["kind"]) => string; body: (kind: HandoffNotice["kind"], name: string) => string };
}) {
  const [notices, setNotices] = React.useState<HandoffNotice[]>([]);
  const ctx = React.useRef({ myDepartmentIds, onOpen, messages });
  React.useEffect(() => {
    ctx.current = { myDepartmentIds, onOpen, messages };
  }, [myDepartmentIds, onOpen, messages]);
  const timers = React.useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const dismiss = React.useCallback((conversationId: string) => {
    clearTimeout(timers.current.get(conversationId));
    timers.current.delete(conversationId);
    setNotices((prev) => prev.filter((n) => n.conversationId !== conversationId));
  }, []);

  React.useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((t) => clearTimeout(t));
  }, []);

  const onEvent = React.useCallback(
    (event: InboxEvent) => {
      if (!enabled || event.type !== "timeline.event.created") return;
      const item = event.payload as unknown as EventItem;
      const kind = noticeKind(item, me, ctx.current.myDepartmentIds);
      if (!kind) return;
      const conversationId = item.conversationId;
      void apiFetch<{ conversation: ConversationItem }>(`${orgApi(slug)}/conversations/${conversationId}`)
        .then((r) => r.conversation.displayName)
        .catch(() => "")
        .then((name) => {
          // A bot handoff to an auto-assigning department also yields an "assigned" event: keep saying "handoff".
          setNotices((prev) => {
            const shown = prev.find((n) => n.conversationId === conversationId)?.kind === "handoff" ? "handoff" : kind;
            return [{ conversationId, kind: shown, name, at: Date.now() }, ...prev.filter((n) => n.conversationId !== conversationId)].slice(0, 5);
          });
          clearTimeout(timers.current.get(conversationId));
          timers.current.set(conversationId, setTimeout(() => dismiss(conversationId), SHOW_MS));
          showBrowserNotification(conversationId, ctx.current.messages.title(kind), ctx.current.messages.body(kind, name), () => ctx.current.onOpen(conversationId));
        });
    },
    [enabled, me, slug, dismiss],
  );

  return { notices, onEvent, dismiss };
}

function noticeKind(item: EventItem, me: string, myDepartmentIds: string[]): HandoffNotice["kind"] | null {
  const assigneeId = typeof item.data?.assigneeId === "string" ? item.data.assigneeId : null;
  const departmentId = typeof item.data?.departmentId === "string" ? item.data.departmentId : null;
  if (item.type === "handoff") {
    if (assigneeId) return assigneeId === me ? "handoff" : null;
    return !departmentId || myDepartmentIds.includes(departmentId) ? "handoff" : null;
  }
  if ((item.type === "assigned" || item.type === "transferred") && assigneeId === me && item.actorUserId !== me) return "assigned";
  return null;
}

function showBrowserNotification(tag: string, title: string, body: string, onClick: () => void) {
  if (typeof window === "undefined" || !("Notification" in window) || Notification.permission !== "granted") return;
  try {
    const n = new Notification(title, { body, tag });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    // Some browsers only allow notifications from a service worker; the in-page notice is still there.
  }
}
