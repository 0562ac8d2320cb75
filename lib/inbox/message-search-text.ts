import { sql } from "drizzle-orm";
import { messages } from "@/db/schema";

/** Trigrams need three characters: a shorter search only looks at contacts (names, phone). */
export const MESSAGE_SEARCH_MIN = 3;

/**
 * The searchable text of a message as SQL: the indexed expression of migration 0014 (`papo_message_search_text`),
 * written the same way so the trigram index serves it.
 */
export const messageSearchTextSql = sql<string>`papo_message_search_text(${messages.content})`;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Meta's and our shapes vary by type

/** The same fields as papo_message_search_text, in the same order, read in JS to cut the highlighted excerpt. */
export function messageSearchText(content: Record<string, unknown>): string {
  const c = content as Json;
  const parts = [
    c.text?.body,
    c.body,
    c.caption,
    c.image?.caption,
    c.video?.caption,
    c.document?.caption,
    c.document?.filename,
    c.filename,
    c.interactive?.button_reply?.title,
    c.interactive?.list_reply?.title,
    c.button?.text,
    c.renderedText,
    c.location?.name,
    c.location?.address,
  ];
  return parts.filter((p): p is string => typeof p === "string").join(" ");
}

/** `%q%` for ILIKE with the wildcards of the search taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

const AROUND = 60;

/** A short excerpt of `text` around the first case-insensitive occurrence of `q` (the list row highlights `q` in it). */
export function searchExcerpt(text: string, q: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const at = flat.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return flat.slice(0, AROUND * 2);
  const start = Math.max(0, at - AROUND);
  const end = Math.min(flat.length, at + q.length + AROUND);
  return `${start > 0 ? "…" : ""}${flat.slice(start, end)}${end < flat.length ? "…" : ""}`;
}
