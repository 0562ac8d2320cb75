"use client";

import * as React from "react";
import { useQueryClient } from "@tanstack/react-query";
import { io, type Socket } from "socket.io-client";

import { apiFetch } from "@/components/api/api-fetch";
import { applyInboxEvent } from "./inbox-cache";
import { inboxKeys, orgApi } from "./inbox-keys";
import type { AgentView, InboxEvent, PresenceStatus } from "./types";

export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline";
export type Typing = { userId: string; name: string };

type SyncAnswer = { ok: true; events: InboxEvent[]; lastSeq: number; truncated: boolean } | { ok: false; error: string };

const HEARTBEAT_MS = 30_000;

/**
 * The inbox's one socket (lib/inbox/README.md, "Realtime"): same origin, session cookie, the organization's room.
 * Events update the react-query caches in place. `lastSeq` is read over HTTP before the lists are fetched (`ready`),
 * and every (re)connect asks `sync { after: lastSeq }` for what happened meanwhile — a truncated answer refetches
 * everything instead. The open conversation's room is joined for typing indicators.
 */
export function useInboxSocket({
  slug,
  me,
  openConversationId,
  presence,
  onEvent,
}: {
  slug: string;
  me: string;
  openConversationId: string | null;
  presence: PresenceStatus | null;
  /** Called once per applied event (live or caught up), after the caches: notifications hang off it. */
  onEvent?: (event: InboxEvent) => void;
}) {
  const qc = useQueryClient();
  const [state, setState] = React.useState<ConnectionState>("connecting");
  const [ready, setReady] = React.useState(false);
  const [typing, setTyping] = React.useState<Record<string, Typing[]>>({});
  const socketRef = React.useRef<Socket | null>(null);
  const lastSeq = React.useRef<number | null>(null);
  const openRef = React.useRef(openConversationId);
  const presenceRef = React.useRef(presence);
  const onEventRef = React.useRef(onEvent);
  React.useEffect(() => {
    presenceRef.current = presence;
    onEventRef.current = onEvent;
  }, [presence, onEvent]);

  React.useEffect(() => {
    let disposed = false;
    const countsRefresh = debounce(() => void qc.invalidateQueries({ queryKey: inboxKeys.counts(slug) }), 400);
    const apply = (event: InboxEvent) => {
      if (lastSeq.current !== null && event.seq <= lastSeq.current) return;
      lastSeq.current = event.seq;
      applyInboxEvent(qc, slug, event, me);
      if (event.type.startsWith("conversation.")) countsRefresh();
      if (event.type === "conversation.updated" && event.conversationId && event.conversationId === openRef.current) {
        // What this caller may do (the agent rule) depends on the assignment: ask again.
        void qc.invalidateQueries({ queryKey: inboxKeys.conversation(slug, event.conversationId) });
      }
      onEventRef.current?.(event);
    };

    const socket = io({ path: "/socket.io", auth: { orgSlug: slug }, withCredentials: true, transports: ["websocket", "polling"] });
    socketRef.current = socket;

    const sync = () => {
      if (lastSeq.current === null) return;
      socket.emit("sync", { after: lastSeq.current }, (res: SyncAnswer) => {
        if (disposed || !res?.ok) return;
        if (res.truncated) {
          lastSeq.current = res.lastSeq;
          void qc.invalidateQueries({ queryKey: inboxKeys.all(slug) });
          return;
        }
        for (const e of res.events) apply(e);
      });
    };

    socket.on("connect", () => {
      setState("live");
      sync();
      if (openRef.current) socket.emit("conversation:join", { conversationId: openRef.current }, () => {});
    });
    socket.on("disconnect", (reason: string) => {
      if (disposed) return;
      setState("reconnecting");
      // The server closes sockets when access changes (role changed, membership ended, session revoked); socket.io
      // does not retry those by itself. Reconnecting lets the handshake decide: new role, or refused.
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on("connect_error", (err: Error) => {
      if (disposed) return;
      setState(err.message === "unauthorized" || err.message === "not_found" ? "offline" : "reconnecting");
    });
    socket.on("inbox", (event: InboxEvent) => apply(event));
    socket.on("presence", (p: { userId: string; status: PresenceStatus; lastSeenAt: string | null }) => {
      qc.setQueryData<AgentView[]>(inboxKeys.presence(slug), (old) => old?.map((a) => (a.userId === p.userId ? { ...a, status: p.status, lastSeenAt: p.lastSeenAt } : a)));
    });
    socket.on("typing", (t: { conversationId: string; userId: string; name: string; typing: boolean }) => {
      setTyping((prev) => {
        const others = (prev[t.conversationId] ?? []).filter((x) => x.userId !== t.userId);
        return { ...prev, [t.conversationId]: t.typing ? [...others, { userId: t.userId, name: t.name }] : others };
      });
    });

    // lastSeq before the first list fetch, so nothing can fall between the list and the socket.
    apiFetch<{ lastSeq: number }>(`${orgApi(slug)}/realtime/events`)
      .then((r) => {
        if (disposed) return;
        lastSeq.current = lastSeq.current ?? r.lastSeq;
        if (socket.connected) sync();
      })
      .catch(() => {})
      .finally(() => !disposed && setReady(true));

    const heartbeat = setInterval(() => {
      const status = presenceRef.current;
      if (socket.connected && status && status !== "offline") socket.emit("presence:heartbeat", { status }, () => {});
    }, HEARTBEAT_MS);

    return () => {
      disposed = true;
      clearInterval(heartbeat);
      countsRefresh.cancel();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [qc, slug, me]);

  React.useEffect(() => {
    const previous = openRef.current;
    openRef.current = openConversationId;
    const socket = socketRef.current;
    if (!socket?.connected) return;
    if (previous && previous !== openConversationId) socket.emit("conversation:leave", { conversationId: previous }, () => {});
    if (openConversationId && previous !== openConversationId) socket.emit("conversation:join", { conversationId: openConversationId }, () => {});
  }, [openConversationId]);

  const sendTyping = React.useCallback((conversationId: string, isTyping: boolean) => {
    socketRef.current?.emit("typing", { conversationId, typing: isTyping });
  }, []);

  return { state, ready, typing, sendTyping };
}

function debounce(fn: () => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
  run.cancel = () => clearTimeout(timer);
  return run;
}

