import { and, asc, eq, isNull } from "drizzle-orm";
import Papa from "papaparse";
import { getDb } from "@/db";
import { contactCustomFields } from "@/db/schema";
import type { ContactFilter } from "./contact-filter";
import { listContacts, type ContactListItem } from "./list-contacts";

const BATCH = 1000;
const fixed = ["name", "profile_name", "phone", "bsuid", "email", "channel", "stage", "consent", "blocked", "tags", "created_at", "last_message_at"];

/**
 * The contacts a filter matches as CSV, produced batch by batch (keyset pages of 1,000) while the client reads:
 * memory stays flat whatever the audience, and a client that stops reading stops the queries (pull-based stream).
 * Custom fields become columns after the fixed ones. Cells that a spreadsheet would run as a formula are prefixed
 * with an apostrophe.
 */
export async function streamContactsCsv(organizationId: string, filter: ContactFilter): Promise<ReadableStream<Uint8Array>> {
  const fields = await getDb()
    .select({ key: contactCustomFields.key })
    .from(contactCustomFields)
    .where(and(eq(contactCustomFields.organizationId, organizationId), isNull(contactCustomFields.deletedAt)))
    .orderBy(asc(contactCustomFields.position), asc(contactCustomFields.key));
  const keys = fields.map((f) => f.key);
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // A BOM so Excel opens the UTF-8 file with accents intact.
        controller.enqueue(encoder.encode(`\ufeff${Papa.unparse([[...fixed, ...keys]])}\r\n`));
        return;
      }
      if (done) return controller.close();
      const page = await listContacts({ organizationId, filter, sort: "created", direction: "asc", limit: BATCH, cursor });
      cursor = page.nextCursor;
      done = !cursor;
      if (page.contacts.length) controller.enqueue(encoder.encode(`${Papa.unparse(page.contacts.map((c) => toRow(c, keys)))}\r\n`));
      if (done) controller.close();
    },
  });
}

function toRow(c: ContactListItem, keys: string[]): string[] {
  const attributes = c.attributes;
  return [
    c.name,
    c.profileName,
    c.phoneE164,
    c.userId,
    c.email,
    c.channel.name,
    c.stage?.name,
    c.optIn,
    c.blocked ? "yes" : "no",
    c.tags.map((t) => t.name).join(", "),
    c.createdAt,
    c.lastInboundAt,
    ...keys.map((k) => (attributes[k] === undefined || attributes[k] === null ? "" : String(attributes[k]))),
  ].map((v) => safeCell(v ?? ""));
}

function safeCell(v: string): string {
  // A plain number (+5511…, -3) is data, not a formula.
  return /^[=+\-@\t\r]/.test(v) && !/^[+-]?\d[\d.]*$/.test(v) ? `'${v}` : v;
}
