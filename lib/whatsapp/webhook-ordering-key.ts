import { createHash } from "node:crypto";
import { normalizePhone } from "./normalize-phone";

/** A party longer than this (no real phone or BSUID is) is keyed by its hash: keys are stored with every run. */
const MAX_PARTY_LENGTH = 128;

/** One change of a webhook body and the channel it was routed to (null: not ours / unrouted). */
export type KeyedChange = { field: string; value: unknown; channelId: string | null };

/**
 * The key process-webhook-event is serialised by (concurrency 1 per key), computed when the webhook is received
 * and carried in the event: `wa:<channel>:<party>` when every message and status in the row concerns one customer,
 * so different customers are processed in parallel while each conversation stays in order.
 *
 * The party is the customer's canonical phone (normalizePhone: the Brazilian ninth digit folded, so both forms of
 * one number share a key), else their business-scoped user id: a message's `from` / `from_user_id`, a status's
 * `recipient_id` / `recipient_user_id` — so a customer's messages and the statuses of what was sent to them share a
 * key. A row touching several customers (Meta may batch) falls back to one key per organization; a row with only
 * template/account changes to one per organization too. Correctness never rests on this key alone: contact and
 * conversation creation take per-identity locks (lib/whatsapp/ingest/lock-contact-identities.ts).
 */
export function webhookOrderingKey(organizationId: string, changes: KeyedChange[]): string {
  const parties = new Set<string>();
  for (const change of changes) {
    if (change.field !== "messages" || !change.channelId) {
      parties.add(`org:${organizationId}`);
      continue;
    }
    const value = (change.value ?? {}) as { messages?: unknown; statuses?: unknown };
    for (const m of arrayOf(value.messages)) parties.add(`wa:${change.channelId}:${partyOf(m.from, m.from_user_id)}`);
    for (const s of arrayOf(value.statuses)) parties.add(`wa:${change.channelId}:${partyOf(s.recipient_id, s.recipient_user_id)}`);
  }
  return parties.size === 1 ? [...parties][0] : `org:${organizationId}`;
}

// normalizePhone (libphonenumber's full metadata) took ~40 µs per call, more than the HMAC check, on every webhook
// POST's answer path; a customer's statuses (sent, delivered, read) and messages repeat the same number, so the
// canonical forms are kept per process (bounded: cleared when full).
const canonical = new Map<string, string>();
const MAX_CANONICAL = 50_000;

function canonicalPhone(phone: string): string {
  let p = canonical.get(phone);
  if (p === undefined) {
    p = normalizePhone(phone) ?? phone;
    if (canonical.size >= MAX_CANONICAL) canonical.clear();
    canonical.set(phone, p);
  }
  return p;
}

function partyOf(phone: unknown, userId: unknown): string {
  const p = typeof phone === "string" && phone ? canonicalPhone(phone) : null;
  if (p) return bounded(p);
  return typeof userId === "string" && userId ? bounded(`u:${userId}`) : "unknown";
}

const bounded = (party: string) =>
  party.length > MAX_PARTY_LENGTH ? `h:${createHash("sha256").update(party).digest("hex")}` : party;

function arrayOf(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null) : [];
}
