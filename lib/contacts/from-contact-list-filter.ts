import { AppError } from "@/lib/errors";
import type { ContactFilter, FieldCondition } from "./contact-filter";
import type { ContactListFilter } from "./contact-list-filter";

const ops: Record<ContactListFilter["fields"][number]["op"], FieldCondition["op"]> = { eq: "eq", gte: "gte", lte: "lte", contains: "contains", set: "exists", unset: "not_exists" };

/**
 * The contacts API's query-string filter (`tag=…&consent=…&field.city=…`) as the shared filter, so both spellings
 * run the one query (list-contacts.ts, the trigram search, the keyset sorts).
 */
export function fromContactListFilter(f: ContactListFilter): { filter: ContactFilter; limit?: number; cursor?: string } {
  const filter: ContactFilter = {};
  if (f.q) filter.q = f.q.slice(0, 100);
  if (f.tag) filter.tagIds = [f.tag];
  if (f.stage) filter.stageIds = [f.stage === "none" ? null : f.stage];
  if (f.consent) filter.consent = [f.consent];
  if (f.channelId) filter.channelIds = [f.channelId];
  if (f.blocked) filter.blocked = f.blocked === "true";
  if (f.createdAfter) filter.createdFrom = f.createdAfter;
  if (f.createdBefore) filter.createdTo = f.createdBefore;
  if (f.lastMessageAfter) filter.lastMessageFrom = f.lastMessageAfter;
  if (f.lastMessageBefore) filter.lastMessageTo = f.lastMessageBefore;
  if (f.fields.length) {
    filter.fields = f.fields.map((c) => {
      const ordered = c.op === "gte" || c.op === "lte";
      const numeric = ordered && c.value.trim() !== "" && Number.isFinite(Number(c.value));
      // gte / lte compare numbers and dates only.
      if (ordered && !numeric && !/^\d{4}-\d{2}-\d{2}/.test(c.value)) {
        throw new AppError("invalid_input", `field.${c.key}:${c.op}: compare with a number or a date`, [{ path: `field.${c.key}`, message: "Compare with a number or a date" }]);
      }
      return { key: c.key, op: ops[c.op], value: numeric ? Number(c.value) : c.value.slice(0, 200) };
    });
  }
  return { filter, limit: f.limit, cursor: f.cursor };
}

/** Whether a query string uses the flat filter spelling (any of its keys, or a `field.<key>` condition). */
export function usesContactListFilter(params: URLSearchParams): boolean {
  const flat = ["tag", "stage", "consent", "channelId", "blocked", "createdAfter", "createdBefore", "lastMessageAfter", "lastMessageBefore"];
  return [...params.keys()].some((k) => flat.includes(k) || k.startsWith("field."));
}
