import { and, eq, getTableColumns, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db";
import { contactConsentEvents, contactCustomFields, contactImportErrors, contactImports, contacts, contactTags, tags } from "@/db/schema";
import { readCsv } from "./read-csv";
import { normalizeImportPhone } from "./normalize-import-phone";
import { remainingContactAllowance } from "./remaining-contact-allowance";

export const IMPORT_BATCH_ROWS = 1000;

type Counts = { created: number; updated: number; skipped: number; errors: number };
type Parsed = { rowNumber: number; raw: Record<string, string>; phone: string; name?: string; email?: string; optIn?: "opted_in" | "opted_out"; tagNames: string[]; attributes: Record<string, unknown> };

const YES = new Set(["yes", "y", "sim", "s", "true", "1", "opted_in", "opt-in", "optin", "x"]);
const NO = new Set(["no", "n", "não", "nao", "false", "0", "opted_out", "opt-out", "optout"]);
const email = z.email();

/**
 * Applies rows [start, start + IMPORT_BATCH_ROWS) of an import in one transaction: contacts created or merged
 * (skip | fill empty fields | overwrite), tags applied, failed rows recorded with the reason, counters moved. The
 * import row is locked and its `processed_rows` checked first, so a batch that already committed (a step retried
 * after a crash) changes nothing the second time.
 */
export async function importBatch(importId: string, start: number): Promise<{ processed: number; total: number; counts: Counts } | null> {
  return getDb().transaction(async (tx) => {
    const { content: _content, ...columns } = getTableColumns(contactImports);
    void _content;
    const [job] = await tx.select(columns).from(contactImports).where(eq(contactImports.id, importId)).for("update");
    if (!job || !job.options || job.processedRows > start) return null;
    const { rows, headers } = await readImportFile(tx, job.id, job.fileHash);
    const slice = rows.slice(start, start + IMPORT_BATCH_ROWS);
    const counts: Counts = { created: 0, updated: 0, skipped: 0, errors: 0 };
    const failures: { rowNumber: number; reason: string; row: Record<string, string> }[] = [];
    const fields = await tx
      .select({ key: contactCustomFields.key, type: contactCustomFields.type, options: contactCustomFields.options })
      .from(contactCustomFields)
      .where(and(eq(contactCustomFields.organizationId, job.organizationId), isNull(contactCustomFields.deletedAt)));
    const fieldTypes = new Map(fields.map((f) => [f.key, f]));

    // 1. Read and validate every row; the last row for a number wins within the batch (a duplicate merges).
    const byPhone = new Map<string, Parsed>();
    slice.forEach((cells, i) => {
      const rowNumber = start + i + 1;
      const raw = Object.fromEntries(headers.map((h, j) => [h, cells[j] ?? ""]));
      const result = parseRow(cells, job.options!.mapping, job.options!.defaultCountry, fieldTypes);
      if ("error" in result) failures.push({ rowNumber, reason: result.error, row: raw });
      else {
        const previous = byPhone.get(result.phone);
        // A second row for the same number merges into the first: counted as an update of that contact.
        if (previous) counts.updated++;
        byPhone.set(result.phone, previous ? mergeParsed(previous, { ...result, rowNumber, raw }) : { ...result, rowNumber, raw });
      }
    });
    const parsed = [...byPhone.values()];

    // 2. Existing contacts of the channel with these numbers (by E.164 or by wa_id, which is its digits).
    const phones = parsed.map((p) => p.phone);
    const existing = phones.length
      ? await tx
          .select({ id: contacts.id, phoneE164: contacts.phoneE164, name: contacts.name, email: contacts.email, optIn: contacts.optIn, attributes: contacts.attributes })
          .from(contacts)
          .where(and(eq(contacts.organizationId, job.organizationId), eq(contacts.channelId, job.channelId), isNull(contacts.deletedAt), inArray(contacts.phoneE164, phones)))
      : [];
    const existingByPhone = new Map(existing.map((c) => [c.phoneE164!, c]));

    // 3. New contacts within the plan's limit, and the changes to existing ones, each sent as ONE statement whose
    // rows travel as a single JSON parameter (jsonb_to_recordset): set-based on both drivers, no per-row round trip.
    let allowance = await remainingContactAllowance(tx, job.organizationId);
    const toInsert: Parsed[] = [];
    const toUpdate: { id: string; name: string | null; email: string | null; opt_in: string; attributes: Record<string, unknown> }[] = [];
    const consent: { contact_id: string; state: string; row_number: number }[] = [];
    const touched = new Map<string, Parsed>(); // contact id → row, for tags
    for (const p of parsed) {
      const current = existingByPhone.get(p.phone);
      if (!current) {
        if (allowance <= 0) {
          failures.push({ rowNumber: p.rowNumber, reason: "The plan's contact limit is reached", row: p.raw });
          continue;
        }
        allowance--;
        toInsert.push(p);
        continue;
      }
      if (job.options.duplicates === "skip") {
        counts.skipped++;
        continue;
      }
      const patch = mergePatch(current, p, job.options.duplicates);
      if (Object.keys(patch).length) {
        toUpdate.push({ id: current.id, name: patch.name ?? current.name, email: patch.email ?? current.email, opt_in: patch.optIn ?? current.optIn, attributes: patch.attributes ?? current.attributes });
        if (patch.optIn) consent.push({ contact_id: current.id, state: patch.optIn, row_number: p.rowNumber });
        counts.updated++;
      } else counts.skipped++;
      touched.set(current.id, p);
    }
    if (toUpdate.length) {
      await tx.execute(sql`
        update ${contacts} c set name = r.name, email = r.email, opt_in = r.opt_in::contact_opt_in, attributes = r.attributes, updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(toUpdate)}::jsonb) as r(id uuid, name text, email text, opt_in text, attributes jsonb)
        where c.organization_id = ${job.organizationId}::uuid and c.id = r.id`);
    }
    if (toInsert.length) {
      const rowsIn = toInsert.map((p) => ({ phone: p.phone, name: p.name ?? null, email: p.email ?? null, opt_in: p.optIn ?? "unknown", attributes: p.attributes }));
      const inserted = rowsOf<{ id: string; phone_e164: string; opt_in: string }>(
        await tx.execute(sql`
          insert into ${contacts} (organization_id, channel_id, wa_id, phone_e164, name, email, opt_in, attributes)
          select ${job.organizationId}::uuid, ${job.channelId}::uuid, substr(r.phone, 2), r.phone, r.name, r.email, r.opt_in::contact_opt_in, r.attributes
          from jsonb_to_recordset(${JSON.stringify(rowsIn)}::jsonb) as r(phone text, name text, email text, opt_in text, attributes jsonb)
          on conflict do nothing
          returning id, phone_e164, opt_in`),
      );
      counts.created += inserted.length;
      for (const c of inserted) {
        const p = byPhone.get(c.phone_e164)!;
        touched.set(c.id, p);
        if (c.opt_in !== "unknown") consent.push({ contact_id: c.id, state: c.opt_in, row_number: p.rowNumber });
      }
      // A conflict left: the number belongs to a deleted contact of this channel (its identity stays reserved).
      const insertedPhones = new Set(inserted.map((c) => c.phone_e164));
      for (const p of toInsert) {
        if (!insertedPhones.has(p.phone)) failures.push({ rowNumber: p.rowNumber, reason: "This number belongs to a deleted contact", row: p.raw });
      }
    }
    // Consent set by the file is history like any other change (source import, evidence = import, file and row);
    // contacts.opt_in moved with the rows above. The key makes a retried batch record nothing twice.
    if (consent.length) {
      const evidence = sql`jsonb_build_object('importId', ${job.id}::text, 'fileName', ${job.fileName}::text, 'row', r.row_number)`;
      await tx.execute(sql`
        insert into ${contactConsentEvents} (organization_id, contact_id, purpose, state, source, evidence, actor_user_id, dedup_key)
        select ${job.organizationId}::uuid, r.contact_id, 'marketing', r.state::contact_opt_in, 'import', ${evidence}, ${job.createdBy}::uuid, 'import:' || ${job.id}::text || ':' || r.row_number
        from jsonb_to_recordset(${JSON.stringify(consent)}::jsonb) as r(contact_id uuid, state text, row_number int)
        on conflict do nothing`);
    }

    // 4. Tags: the import's own plus each row's tag column (created when new).
    await applyTags(tx, job.organizationId, job.options.tagIds, touched);

    // 5. Failures, counters.
    counts.errors = failures.length;
    if (failures.length) {
      await tx
        .insert(contactImportErrors)
        .values(failures.map((f) => ({ organizationId: job.organizationId, importId, rowNumber: f.rowNumber, reason: f.reason, row: f.row })))
        .onConflictDoNothing();
    }
    const processed = start + slice.length;
    await tx
      .update(contactImports)
      .set({
        processedRows: processed,
        totalRows: rows.length,
        createdCount: sql`${contactImports.createdCount} + ${counts.created}`,
        updatedCount: sql`${contactImports.updatedCount} + ${counts.updated}`,
        skippedCount: sql`${contactImports.skippedCount} + ${counts.skipped}`,
        errorCount: sql`${contactImports.errorCount} + ${counts.errors}`,
        status: "running",
        startedAt: sql`coalesce(${contactImports.startedAt}, now())`,
      })
      .where(eq(contactImports.id, importId));
    return { processed, total: rows.length, counts };
  });
}

/** The parsed file of the import running here: every batch would otherwise read and parse the whole file again. */
const parsedFiles = new Map<string, ReturnType<typeof readCsv>>();

async function readImportFile(tx: Tx, importId: string, fileHash: string) {
  const key = `${importId}:${fileHash}`;
  const cached = parsedFiles.get(key);
  if (cached) return cached;
  const [row] = await tx.select({ content: contactImports.content }).from(contactImports).where(eq(contactImports.id, importId));
  const file = readCsv(row.content);
  if (parsedFiles.size >= 2) parsedFiles.delete(parsedFiles.keys().next().value!);
  parsedFiles.set(key, file);
  return file;
}

function parseRow(cells: string[], mapping: Record<string, string>, country: string, fields: Map<string, { type: string; options: string[] }>): Omit<Parsed, "rowNumber" | "raw"> | { error: string } {
  const out: Omit<Parsed, "rowNumber" | "raw"> = { phone: "", tagNames: [], attributes: {} };
  for (const [index, target] of Object.entries(mapping)) {
    const value = (cells[Number(index)] ?? "").trim();
    if (target === "phone") {
      if (!value) return { error: "No phone number" };
      const phone = normalizeImportPhone(value, country);
      if (!phone) return { error: `Not a valid phone number: ${value.slice(0, 40)}` };
      out.phone = phone;
    } else if (!value || target === "ignore") continue;
    else if (target === "name") out.name = value.slice(0, 120);
    else if (target === "email") {
      if (!email.safeParse(value).success) return { error: `Not a valid e-mail: ${value.slice(0, 80)}` };
      out.email = value.toLowerCase();
    } else if (target === "consent") {
      const v = value.toLowerCase();
      if (YES.has(v)) out.optIn = "opted_in";
      else if (NO.has(v)) out.optIn = "opted_out";
      else return { error: `Consent must be yes or no: ${value.slice(0, 40)}` };
    } else if (target === "tags") out.tagNames = value.split(/[,|]/).map((t) => t.trim().slice(0, 40)).filter(Boolean).slice(0, 10);
    else if (target.startsWith("field:")) {
      const key = target.slice(6);
      const def = fields.get(key);
      if (def?.type === "number") {
        const n = Number(value.replace(",", "."));
        if (!Number.isFinite(n)) return { error: `${key} must be a number: ${value.slice(0, 40)}` };
        out.attributes[key] = n;
      } else if (def?.type === "boolean") {
        const v = value.toLowerCase();
        if (!YES.has(v) && !NO.has(v)) return { error: `${key} must be yes or no: ${value.slice(0, 40)}` };
        out.attributes[key] = YES.has(v);
      } else if (def?.type === "choice" && def.options.length && !def.options.includes(value)) {
        return { error: `${key} must be one of ${def.options.join(", ")}` };
      } else out.attributes[key] = value.slice(0, 1000);
    }
  }
  return out;
}

function mergeParsed(a: Parsed, b: Parsed): Parsed {
  return { ...a, ...b, name: b.name ?? a.name, email: b.email ?? a.email, optIn: b.optIn ?? a.optIn, tagNames: [...new Set([...a.tagNames, ...b.tagNames])], attributes: { ...a.attributes, ...b.attributes } };
}

/** What an existing contact takes from a row: everything given (overwrite) or only what it lacks (fill). */
function mergePatch(current: Pick<typeof contacts.$inferSelect, "name" | "email" | "optIn" | "attributes">, p: Parsed, mode: "fill" | "overwrite"): Partial<typeof contacts.$inferInsert> {
  const patch: Partial<typeof contacts.$inferInsert> = {};
  const take = <K extends "name" | "email">(key: K, value: string | undefined) => {
    if (value === undefined || current[key] === value) return;
    if (mode === "overwrite" || !current[key]) patch[key] = value;
  };
  take("name", p.name);
  take("email", p.email);
  if (p.optIn && p.optIn !== current.optIn && (mode === "overwrite" || current.optIn === "unknown")) patch.optIn = p.optIn;
  const attributes = { ...current.attributes };
  let changed = false;
  for (const [k, v] of Object.entries(p.attributes)) {
    const has = attributes[k] !== undefined && attributes[k] !== null && attributes[k] !== "";
    if (attributes[k] === v || (has && mode === "fill")) continue;
    attributes[k] = v;
    changed = true;
  }
  if (changed) patch.attributes = attributes;
  return patch;
}

async function applyTags(tx: Tx, organizationId: string, importTagIds: string[], touched: Map<string, Parsed>) {
  if (!touched.size) return;
  const names = [...new Set([...touched.values()].flatMap((p) => p.tagNames))];
  const byName = new Map<string, string>();
  if (names.length) {
    await tx.insert(tags).values(names.map((name) => ({ organizationId, name }))).onConflictDoNothing();
    const rows = await tx.select({ id: tags.id, name: tags.name }).from(tags).where(and(eq(tags.organizationId, organizationId), isNull(tags.deletedAt), inArray(tags.name, names)));
    for (const r of rows) byName.set(r.name, r.id);
  }
  const validImportTags = importTagIds.length
    ? (await tx.select({ id: tags.id }).from(tags).where(and(eq(tags.organizationId, organizationId), isNull(tags.deletedAt), inArray(tags.id, importTagIds)))).map((t) => t.id)
    : [];
  const links: { contact_id: string; tag_id: string }[] = [];
  for (const [contactId, p] of touched) {
    for (const tagId of new Set([...validImportTags, ...p.tagNames.map((n) => byName.get(n)).filter((id): id is string => !!id)])) links.push({ contact_id: contactId, tag_id: tagId });
  }
  if (!links.length) return;
  await tx.execute(sql`
    insert into ${contactTags} (organization_id, contact_id, tag_id)
    select ${organizationId}::uuid, r.contact_id, r.tag_id from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as r(contact_id uuid, tag_id uuid)
    on conflict do nothing`);
}

/** postgres.js answers `execute` with the rows, PGlite with `{ rows }`. */
function rowsOf<T>(res: unknown): T[] {
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}
