import type { InfiniteData, QueryClient } from "@tanstack/react-query";

import { inboxKeys } from "./inbox-keys";
import type { ConversationDetail, ConversationItem, ConversationPage, Filters, InboxEvent, MessageItem, TimelineItem, TimelinePage } from "./types";

/**
 * Applies one realtime event to the react-query caches, the same way for live events and for the catch-up after a
 * reconnect: lists get the conversation replaced, inserted or dropped (by their own filters) and re-sorted,
 * the open timeline gets the entry appended or replaced, counts are refetched.
 */
export function applyInboxEvent(qc: QueryClient, slug: string, event: InboxEvent, me: string) {
  switch (event.type) {
    case "conversation.created":
    case "conversation.updated":
      upsertConversation(qc, slug, event.payload as unknown as ConversationItem, me);
      return;
    case "message.created":
    case "message.updated":
      upsertTimelineItem(qc, slug, { ...(event.payload as unknown as MessageItem), kind: "message" });
      return;
    case "timeline.event.created":
      upsertTimelineItem(qc, slug, { ...(event.payload as unknown as TimelineItem), kind: "event" } as TimelineItem);
      return;
  }
}

export function upsertConversation(qc: QueryClient, slug: string, conversation: ConversationItem, me: string) {
  for (const [key, data] of qc.getQueriesData<InfiniteData<ConversationPage, string | null>>({ queryKey: inboxKeys.lists(slug) })) {
    if (!data) continue;
    const filters = key[3] as Filters;
    // A search result found by its messages stays while listed: the browser cannot see those messages.
    const listed = data.pages.some((p) => p.conversations.some((c) => c.id === conversation.id));
    const previous = listed ? data.pages.flatMap((p) => p.conversations).find((c) => c.id === conversation.id) : undefined;
    const keep = matches(conversation, filters, me) || (listed && matches(conversation, { ...filters, q: "" }, me));
    qc.setQueryData(key, placeInList(data, previous?.searchHit ? { ...conversation, searchHit: previous.searchHit } : conversation, keep));
  }
  qc.setQueryData<ConversationDetail>(inboxKeys.conversation(slug, conversation.id), (old) =>
    old ? { ...old, conversation: { ...old.conversation, ...conversation, contact: { ...old.conversation.contact, ...conversation.contact } } } : old,
  );
}

/** Sort key of the list: last activity, newest first, conversations without messages last (README). */
export function activity(c: Pick<ConversationItem, "lastMessageAt" | "createdAt">): number {
  return c.lastMessageAt ? Date.parse(c.lastMessageAt) : -Infinity;
}

function placeInList(data: InfiniteData<ConversationPage, string | null>, conversation: ConversationItem, keep: boolean) {
  const pages = data.pages.map((p) => ({ ...p, conversations: p.conversations.filter((c) => c.id !== conversation.id) }));
  if (keep) {
    const at = activity(conversation);
    const last = pages[pages.length - 1];
    const lastLoaded = last.conversations[last.conversations.length - 1];
    // Older than everything loaded while more pages exist: it will arrive with those pages, in its place.
    if (!last.nextCursor || !lastLoaded || at >= activity(lastLoaded)) {
      const pageIndex = pages.findIndex((p) => p.conversations.some((c) => activity(c) <= at));
      const target = pageIndex === -1 ? pages.length - 1 : pageIndex;
      const list = pages[target].conversations;
      const i = list.findIndex((c) => activity(c) <= at);
      pages[target] = { ...pages[target], conversations: i === -1 ? [...list, conversation] : [...list.slice(0, i), conversation, ...list.slice(i)] };
    }
  }
  return { ...data, pages };
}

/** The list's filters evaluated in the browser, so a live change moves a conversation in or out of each list. */
export function matches(c: ConversationItem, f: Filters, me: string): boolean {
  if (c.isTest && !f.test) return false;
  if (f.status !== "all" && c.status !== f.status) return false;
  if (f.assignee === "mine" && c.assigneeId !== me) return false;
  if (f.assignee === "unassigned" && c.assigneeId !== null) return false;
  if (f.departmentId && c.departmentId !== f.departmentId) return false;
  if (f.channelId && c.channelId !== f.channelId) return false;
  if (f.tagId && !c.tags.some((t) => t.id === f.tagId)) return false;
  if (f.owner && c.owner !== f.owner) return false;
  const q = f.q.trim().toLowerCase();
  if (q.length >= 2) {
    const digits = q.replace(/\D/g, "");
    const names = [c.displayName, c.contact.name, c.contact.profileName].filter(Boolean).join(" ").toLowerCase();
    const phoneHit = digits.length >= 2 && (c.contact.phoneE164 ?? "").replace(/\D/g, "").includes(digits);
    if (!names.includes(q) && !phoneHit) return false;
  }
  return true;
}

/** Adds or replaces a timeline entry in its conversation's loaded timeline (newest page = pages[0], oldest first). */
export function upsertTimelineItem(qc: QueryClient, slug: string, item: TimelineItem) {
  qc.setQueryData<InfiniteData<TimelinePage, string | null>>(inboxKeys.timeline(slug, item.conversationId), (data) => {
    if (!data || data.pages.length === 0) return data;
    let found = false;
    const pages = data.pages.map((p) => ({
      ...p,
      items: p.items.map((x) => {
        if (x.kind === item.kind && x.id === item.id) {
          found = true;
          // A late "message.created" must not roll back a status a newer "message.updated" already brought.
          return item.kind === "message" && x.kind === "message" ? mergeMessage(x, item) : item;
        }
        return x;
      }),
    }));
    if (!found) {
      const key = item.kind === "message" ? clientKeyOf(item) : undefined;
      const first = pages[0];
      // The optimistic twin of a confirmed message (same idempotency key) is replaced, not duplicated.
      const items = first.items.filter((x) => !(key && x.kind === "message" && x.pending && x.clientKey === key));
      const i = items.findIndex((x) => x.createdAt > item.createdAt && !(x.kind === "message" && x.pending));
      pages[0] = { ...first, items: i === -1 ? [...items, item] : [...items.slice(0, i), item, ...items.slice(i)] };
    }
    return { ...data, pages };
  });
}

const ORDER = ["queued", "sent", "delivered", "read", "played"];
function mergeMessage(old: MessageItem, next: MessageItem): MessageItem {
  if (old.status === "failed" || next.status === "failed") return next.status === "failed" ? next : old;
  return ORDER.indexOf(next.status) >= ORDER.indexOf(old.status) ? next : { ...next, status: old.status };
}

export function clientKeyOf(m: MessageItem): string | undefined {
  const k = m.content?.idempotencyKey;
  return typeof k === "string" ? k : m.clientKey;
}
