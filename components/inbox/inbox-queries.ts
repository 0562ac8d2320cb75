"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";

import { apiFetch } from "@/components/api/api-fetch";
import { filterParams, inboxKeys, orgApi } from "./inbox-keys";
import type {
  AgentView,
  CannedReply,
  ContactResponse,
  ConversationDetail,
  ConversationPage,
  Counts,
  DepartmentView,
  Filters,
  TagView,
  TemplateOption,
  TimelinePage,
} from "./types";

// The list asks for the API's maximum page: fewer round trips while scrolling far; the timeline keeps 50.
const LIST_PAGE = 100;
const PAGE = 50;

/** Live data: socket events keep these current, so they never go stale by time. */
const live = { staleTime: Infinity } as const;

/** `enabled` waits for the socket's starting point (lastSeq) so no event falls between the list and the socket. */
export function useConversationList(slug: string, filters: Filters, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: inboxKeys.list(slug, filters),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<ConversationPage>(`${orgApi(slug)}/conversations?${filterParams(filters, { limit: String(LIST_PAGE), cursor: pageParam ?? undefined })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    ...live,
  });
}

export function useCounts(slug: string, filters: Filters) {
  const p = new URLSearchParams(filterParams({ ...filters, assignee: "all", q: "" }));
  p.delete("assignee");
  return useQuery({
    queryKey: [...inboxKeys.counts(slug), p.toString()],
    queryFn: ({ signal }) => apiFetch<Counts>(`${orgApi(slug)}/conversations/counts?${p}`, { signal }),
    ...live,
  });
}

export function useConversation(slug: string, id: string | null) {
  return useQuery({
    queryKey: inboxKeys.conversation(slug, id ?? ""),
    queryFn: ({ signal }) => apiFetch<ConversationDetail>(`${orgApi(slug)}/conversations/${id}`, { signal }),
    enabled: Boolean(id),
    ...live,
  });
}

export function useTimeline(slug: string, id: string | null) {
  return useInfiniteQuery({
    queryKey: inboxKeys.timeline(slug, id ?? ""),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<TimelinePage>(`${orgApi(slug)}/conversations/${id}/timeline?limit=${PAGE}${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ""}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: Boolean(id),
    ...live,
  });
}

export function useContact(slug: string, id: string | null) {
  return useQuery({
    queryKey: inboxKeys.contact(slug, id ?? ""),
    queryFn: ({ signal }) => apiFetch<ContactResponse>(`${orgApi(slug)}/contacts/${id}`, { signal }),
    enabled: Boolean(id),
    staleTime: 15_000,
  });
}

export function useAgents(slug: string) {
  return useQuery({
    queryKey: inboxKeys.presence(slug),
    queryFn: ({ signal }) => apiFetch<{ agents: AgentView[] }>(`${orgApi(slug)}/presence`, { signal }).then((r) => r.agents),
    staleTime: 60_000,
  });
}

export function useDepartments(slug: string) {
  return useQuery({
    queryKey: inboxKeys.departments(slug),
    queryFn: ({ signal }) => apiFetch<{ departments: DepartmentView[] }>(`${orgApi(slug)}/departments`, { signal }).then((r) => r.departments),
    staleTime: 5 * 60_000,
  });
}

export function useTags(slug: string) {
  return useQuery({
    queryKey: inboxKeys.tags(slug),
    queryFn: ({ signal }) => apiFetch<{ tags: TagView[] }>(`${orgApi(slug)}/tags`, { signal }).then((r) => r.tags),
    staleTime: 5 * 60_000,
  });
}

export function useCannedReplies(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: inboxKeys.canned(slug),
    queryFn: ({ signal }) => apiFetch<{ cannedReplies: CannedReply[] }>(`${orgApi(slug)}/canned-replies`, { signal }).then((r) => r.cannedReplies),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The channel's approved templates (the only thing that may be sent outside the 24-hour window). */
export function useApprovedTemplates(slug: string, channelId: string | null) {
  return useQuery({
    queryKey: inboxKeys.templates(slug, channelId ?? ""),
    queryFn: ({ signal }) =>
      apiFetch<{ templates: TemplateOption[] }>(`${orgApi(slug)}/templates?channelId=${channelId}&status=APPROVED`, { signal }).then((r) =>
        r.templates.filter((t) => t.status.toUpperCase() === "APPROVED"),
      ),
    enabled: Boolean(channelId),
    staleTime: 60_000,
  });
}
