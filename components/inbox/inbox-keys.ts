import type { Filters } from "./types";

/** Every react-query key of the inbox; socket events update or invalidate exactly these. */
export const inboxKeys = {
  all: (slug: string) => ["inbox", slug] as const,
  lists: (slug: string) => ["inbox", slug, "conversations"] as const,
  list: (slug: string, filters: Filters) => ["inbox", slug, "conversations", filters] as const,
  counts: (slug: string) => ["inbox", slug, "counts"] as const,
  conversation: (slug: string, id: string) => ["inbox", slug, "conversation", id] as const,
  timeline: (slug: string, id: string) => ["inbox", slug, "timeline", id] as const,
  contact: (slug: string, id: string) => ["inbox", slug, "contact", id] as const,
  presence: (slug: string) => ["inbox", slug, "presence"] as const,
  departments: (slug: string) => ["inbox", slug, "departments"] as const,
  tags: (slug: string) => ["inbox", slug, "tags"] as const,
  canned: (slug: string) => ["inbox", slug, "canned-replies"] as const,
  templates: (slug: string, channelId: string) => ["inbox", slug, "templates", channelId] as const,
};

export const orgApi = (slug: string) => `/api/v1/orgs/${encodeURIComponent(slug)}`;

/** The list endpoint's query string for a set of filters (README: GET /conversations). */
export function filterParams(filters: Filters, extra: Record<string, string | undefined> = {}): string {
  const p = new URLSearchParams();
  p.set("status", filters.status);
  p.set("assignee", filters.assignee);
  if (filters.departmentId) p.set("departmentId", filters.departmentId);
  if (filters.channelId) p.set("channelId", filters.channelId);
  if (filters.tagId) p.set("tagId", filters.tagId);
  if (filters.owner) p.set("owner", filters.owner);
  if (filters.q.trim().length >= 2) p.set("q", filters.q.trim());
  if (filters.test) p.set("test", "1");
  for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v);
  return p.toString();
}
