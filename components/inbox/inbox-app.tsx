"use client";

import * as React from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { MessagesSquareIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { ApiError } from "@/components/api/api-fetch";
import { ConnectionIndicator } from "./connection-indicator";
import { ConversationFilters } from "./conversation-filters";
import { ConversationList } from "./conversation-list";
import { ConversationView, type Viewer } from "./conversation-view";
import { HandoffToasts } from "./handoff-toasts";
import { inboxKeys, orgApi } from "./inbox-keys";
import { useAgents, useConversationList, useCounts, useDepartments, useTags } from "./inbox-queries";
import { PresencePicker } from "./presence-picker";
import type { AgentView, ChannelOption, Filters, InboxEvent, PresenceStatus, SearchHit } from "./types";
import { useHandoffNotices, type HandoffNotice } from "./use-handoff-notices";
import { useInboxSocket } from "./use-inbox-socket";

const DEFAULT_FILTERS: Filters = { status: "open", assignee: "all", departmentId: "", channelId: "", tagId: "", owner: "", q: "", test: false };

/** Whether a key press belongs to a text field (then single-key shortcuts stay out of the way). */
function typingInField(target: EventTarget | null) {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

/**
 * The shared inbox: the filtered, live conversation list on the left, the open conversation on the right. The
 * open conversation lives in the URL (?c=…) so a link opens it; switching does not reload the page. Below `md`
 * the list, the conversation and the contact are stacked screens, each with a way back.
 */
export function InboxApp({
  slug,
  me,
  permissions,
  channels,
  initialConversationId,
}: {
  slug: string;
  me: { id: string; name: string };
  permissions: string[];
  channels: ChannelOption[];
  initialConversationId: string | null;
}) {
  const t = useTranslations("inbox");
  const qc = useQueryClient();
  const [filters, setFilters] = React.useState<Filters>(DEFAULT_FILTERS);
  const [selectedId, setSelectedId] = React.useState<string | null>(initialConversationId);
  // The search hit a conversation was opened from: its timeline scrolls to that entry and marks it.
  const [focusEntry, setFocusEntry] = React.useState<SearchHit | null>(null);
  const searchRef = React.useRef<HTMLInputElement>(null);
  const viewer: Viewer = React.useMemo(() => {
    const set = new Set(permissions);
    return { ...me, can: (p: string) => set.has(p) };
  }, [me, permissions]);
  const canReply = viewer.can("conversations.reply");

  const agents = useAgents(slug);
  const myPresence = agents.data?.find((a) => a.userId === me.id)?.status ?? null;
  const [presence, setPresence] = React.useState<PresenceStatus | null>(null);
  const shownPresence = presence ?? myPresence ?? "online";
  const departments = useDepartments(slug);
  const noticeT = useTranslations("inboxNotices");
  const myDepartmentIds = React.useMemo(() => (departments.data ?? []).filter((d) => d.members.some((m) => m.userId === me.id)).map((d) => d.id), [departments.data, me.id]);
  const noticeMessages = React.useMemo(
    () => ({
      title: (kind: HandoffNotice["kind"]) => (kind === "handoff" ? noticeT("handoffTitle") : noticeT("assignedTitle")),
      body: (_kind: HandoffNotice["kind"], name: string) => name || noticeT("unknownContact"),
    }),
    [noticeT],
  );
  const open = React.useCallback((id: string) => {
    setSelectedId(id);
    const url = new URL(window.location.href);
    url.searchParams.set("c", id);
    window.history.replaceState(window.history.state, "", url);
  }, []);
  // On a phone the list and the conversation are stacked screens: going back shows the list again.
  const back = React.useCallback(() => {
    setSelectedId(null);
    const url = new URL(window.location.href);
    url.searchParams.delete("c");
    window.history.replaceState(window.history.state, "", url);
  }, []);
  const notices = useHandoffNotices({ slug, me: me.id, enabled: canReply, myDepartmentIds, onOpen: open, messages: noticeMessages });
  // Numbers' connection states move live (an Evolution number dropping shows in the composer at once).
  const [liveChannels, setLiveChannels] = React.useState(channels);
  const noticesOnEvent = notices.onEvent;
  const onEvent = React.useCallback(
    (event: InboxEvent) => {
      noticesOnEvent(event);
      if (event.type === "channel.updated") setLiveChannels((list) => withConnection(list, event.payload.channel));
    },
    [noticesOnEvent],
  );
  const socket = useInboxSocket({ slug, me: me.id, openConversationId: selectedId, presence: canReply ? shownPresence : null, onEvent });

  const list = useConversationList(slug, filters, socket.ready);
  const counts = useCounts(slug, filters);
  const tags = useTags(slug);
  const rows = React.useMemo(() => list.data?.pages.flatMap((p) => p.conversations) ?? [], [list.data]);

  const setStatus = useMutation({
    mutationFn: (status: PresenceStatus) => putPresence(slug, status),
    onMutate: (status) => setPresence(status),
    onSuccess: (_r, status) => qc.setQueryData<AgentView[]>(inboxKeys.presence(slug), (old) => old?.map((a) => (a.userId === me.id ? { ...a, status } : a))),
  });


  React.useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "/" && !typingInField(e.target) && !e.metaKey && !e.ctrlKey && !e.altKey) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const loadMore = React.useCallback(() => void list.fetchNextPage(), [list]);
  const openFromList = React.useCallback(
    (id: string) => {
      setFocusEntry(rows.find((r) => r.id === id)?.searchHit ?? null);
      open(id);
    },
    [rows, open],
  );

  return (
    <div className="flex h-[calc(100svh-var(--shell-top,0px))] min-h-0">
      <div data-testid="inbox-list-pane" className={`${selectedId ? "hidden md:flex" : "flex"} w-full min-w-0 shrink-0 flex-col border-r md:w-80 xl:w-[22rem]`}>
        <div className="flex items-center gap-2 border-b px-3 py-2">
          <h1 className="text-base font-semibold">{t("title")}</h1>
          <ConnectionIndicator state={socket.state} />
          {canReply && (
            <span className="ml-auto">
              <PresencePicker value={shownPresence} onChange={(s) => setStatus.mutate(s)} disabled={setStatus.isPending} />
            </span>
          )}
        </div>
        <ConversationFilters
          filters={filters}
          onChange={setFilters}
          counts={counts.data}
          departments={departments.data ?? []}
          channels={liveChannels}
          tags={tags.data ?? []}
          searchRef={searchRef}
        />
        <ConversationList
          rows={rows}
          search={filters.q}
          selectedId={selectedId}
          onOpen={openFromList}
          hasMore={Boolean(list.hasNextPage)}
          loadingMore={list.isFetchingNextPage}
          loadMore={loadMore}
          loading={!socket.ready || list.isLoading}
        />
      </div>
      {selectedId ? (
        <ConversationView
          key={selectedId}
          slug={slug}
          conversationId={selectedId}
          focusEntry={focusEntry}
          viewer={viewer}
          channels={liveChannels}
          typing={(socket.typing[selectedId] ?? []).filter((x) => x.userId !== me.id).map((x) => x.name)}
          onTyping={(typing) => socket.sendTyping(selectedId, typing)}
          onOpenConversation={open}
          onBack={back}
        />
      ) : (
        <div className="m-auto hidden flex-col items-center gap-2 text-sm text-muted-foreground md:flex">
          <MessagesSquareIcon aria-hidden="true" className="size-8" />
          {t("pickOne")}
        </div>
      )}
      <HandoffToasts notices={notices.notices} onOpen={open} onDismiss={notices.dismiss} />
    </div>
  );
}

/** PUT /presence (apiFetch speaks GET/POST/PATCH/DELETE only). */
async function putPresence(slug: string, status: PresenceStatus) {
  const res = await fetch(`${orgApi(slug)}/presence`, {
    method: "PUT",
    credentials: "same-origin",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify({ status }),
  }).catch(() => null);
  if (!res) throw new ApiError(0, "network_error", "Network error");
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? "internal_error", body?.error?.message ?? res.statusText);
  return body;
}

function withConnection(list: ChannelOption[], pushed: unknown): ChannelOption[] {
  const c = pushed as { id?: string; connectionState?: ChannelOption["connectionState"]; displayPhoneNumber?: string } | undefined;
  if (!c?.id) return list;
  return list.map((ch) => (ch.id === c.id ? { ...ch, connectionState: c.connectionState ?? ch.connectionState, displayPhoneNumber: c.displayPhoneNumber ?? ch.displayPhoneNumber } : ch));
}
