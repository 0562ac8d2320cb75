import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import Papa from "papaparse";
import { getDb } from "@/db";
import { contactConsentEvents, contactCustomFields, contactImports, contacts, contactTags, organizations, tags } from "@/db/schema";
import { createContactImport } from "@/lib/contacts/import/create-contact-import";
import { finishContactImport } from "@/lib/contacts/import/finish-contact-import";
import { getContactImportOrThrow } from "@/lib/contacts/import/get-contact-import-or-throw";
import { IMPORT_BATCH_ROWS, importBatch } from "@/lib/contacts/import/import-batch";
import { readCsv } from "@/lib/contacts/import/read-csv";
import { startContactImport } from "@/lib/contacts/import/start-contact-import";
import { streamImportErrorsCsv } from "@/lib/contacts/import/stream-import-errors-csv";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { createInboxOrg, type InboxOrg } from "../inbox/fixtures";

let db: TestDatabase;
let org: InboxOrg;
let other: InboxOrg;
let vipId: string;

/** Excel in Brazil: BOM, semicolons, a quoted line break, an old 8-digit mobile, a bad number, a duplicate. */
const messy = [
  "\ufeffNome;Telefone;E-mail;Aceite;Cidade;Etiquetas",
  'Maria Souza;(11) 98888-7777;maria@example.com;sim;Recife;"cliente, vip"',
  '"João ""Jota""\nLima";+55 21 8777-6666;;não;Rio;',
  "Sem número;12345;;;;",
  "Maria de novo;11988887777;;;Olinda;",
  "Ana;031 96666-5555;ana@;sim;;",
].join("\r\n");

async function runImport(importId: string) {
  const job = await getContactImportOrThrow(org.owner.org.id, importId);
  for (let start = 0; start < job.totalRows; start += IMPORT_BATCH_ROWS) await importBatch(importId, start);
  await finishContactImport(importId);
  return getContactImportOrThrow(org.owner.org.id, importId);
}

async function upload(text: string | Uint8Array, o: InboxOrg = org) {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  return createContactImport(o.owner, { channelId: o.channelId, fileName: "contatos.csv", bytes });
}

const mapping = { "0": "name", "1": "phone", "2": "email", "3": "consent", "4": "field:city", "5": "tags" };

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createInboxOrg("import");
  other = await createInboxOrg("import-other");
  await getDb().insert(contactCustomFields).values({ organizationId: org.owner.org.id, key: "city", label: "Cidade", type: "text" });
  vipId = (await getDb().insert(tags).values({ organizationId: org.owner.org.id, name: "importados" }).returning())[0].id;
});
afterAll(async () => db.drop());

describe("reading CSV files", () => {
  it("detects separators, encodings and quoted line breaks", () => {
    const utf8 = readCsv(new TextEncoder().encode(messy));
    expect(utf8).toMatchObject({ encoding: "utf-8", delimiter: ";", headers: ["Nome", "Telefone", "E-mail", "Aceite", "Cidade", "Etiquetas"] });
    expect(utf8.rows).toHaveLength(5);
    expect(utf8.rows[1][0]).toBe('João "Jota"\nLima');
    // Windows-1252: "São Paulo" with ã as the single byte 0xE3.
    const cp1252 = readCsv(new Uint8Array([...new TextEncoder().encode("name,city\r\nZé,S"), 0xe3, ...new TextEncoder().encode("o Paulo\r\n")]));
    expect(cp1252).toMatchObject({ encoding: "windows-1252", delimiter: "," });
    expect(cp1252.rows[0][1]).toBe("São Paulo");
    expect(readCsv(new TextEncoder().encode('a,"b;c"\n1,2')).delimiter).toBe(",");
  });
});

describe("importing contacts", () => {
  let firstImportId: string;

  it("normalises numbers, merges duplicates, applies tags and lists the failed rows", async () => {
    const uploaded = await upload(messy);
    expect(uploaded.headers).toEqual(["Nome", "Telefone", "E-mail", "Aceite", "Cidade", "Etiquetas"]);
    expect(uploaded.suggestedMapping).toMatchObject({ "0": "name", "1": "phone", "2": "email", "3": "consent", "5": "tags" });
    const started = await startContactImport(org.owner, uploaded.import.id, { mapping, duplicates: "fill", tagIds: [vipId] });
    expect(started.reused).toBe(false);
    firstImportId = uploaded.import.id;
    const done = await runImport(firstImportId);
    expect(done).toMatchObject({ status: "completed", totalRows: 5, processedRows: 5, createdCount: 2, updatedCount: 1, skippedCount: 0, errorCount: 2 });

    const rows = await getDb().select().from(contacts).where(and(eq(contacts.organizationId, org.owner.org.id), isNull(contacts.deletedAt)));
    const byPhone = Object.fromEntries(rows.map((r) => [r.phoneE164, r]));
    expect(Object.keys(byPhone).sort()).toEqual(["+5511988887777", "+5521987776666"]);
    // The duplicate (same number written another way) merged into one contact: the later row's city won within the file.
    expect(byPhone["+5511988887777"]).toMatchObject({ name: "Maria de novo", email: "maria@example.com", optIn: "opted_in", waId: "5511988887777", attributes: { city: "Olinda" } });
    expect(byPhone["+5521987776666"]).toMatchObject({ name: 'João "Jota"\nLima', optIn: "opted_out", attributes: { city: "Rio" } });
    const tagged = await getDb().select({ name: tags.name }).from(contactTags).innerJoin(tags, eq(tags.id, contactTags.tagId)).where(eq(contactTags.contactId, byPhone["+5511988887777"].id));
    expect(tagged.map((t) => t.name).sort()).toEqual(["cliente", "importados", "vip"]);

    const reader = streamImportErrorsCsv(org.owner.org.id, firstImportId, uploaded.headers).getReader();
    let text = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += new TextDecoder("utf-8", { ignoreBOM: true }).decode(r.value);
    const errors = Papa.parse<string[]>(text.slice(1).trim()).data;
    expect(errors[0]).toEqual(["row", "Nome", "Telefone", "E-mail", "Aceite", "Cidade", "Etiquetas", "reason"]);
    expect(errors.slice(1).map((r) => [r[0], r[1], r[7]])).toEqual([
      ["3", "Sem número", "Not a valid phone number: 12345"],
      ["5", "Ana", "Not a valid e-mail: ana@"],
    ]);
  });

  it("a re-run of the same file with the same choices is the same import and changes nothing", async () => {
    const before = await getDb().select().from(contacts).where(eq(contacts.organizationId, org.owner.org.id));
    const again = await upload(messy);
    const started = await startContactImport(org.owner, again.import.id, { mapping, duplicates: "fill", tagIds: [vipId] });
    expect(started).toMatchObject({ reused: true, import: { id: firstImportId, status: "completed" } });
    await expect(getContactImportOrThrow(org.owner.org.id, again.import.id)).rejects.toMatchObject({ code: "not_found" });
    // A batch that already committed (a retried step) is skipped.
    expect(await importBatch(firstImportId, 0)).toBeNull();
    const after = await getDb().select().from(contacts).where(eq(contacts.organizationId, org.owner.org.id));
    expect(after).toEqual(before);
  });

  it("the consent column is consent history: source import, evidence = import, file and row, once per row", async () => {
    const history = async () =>
      (await getDb().select().from(contactConsentEvents).where(and(eq(contactConsentEvents.organizationId, org.owner.org.id), eq(contactConsentEvents.source, "import")))).map((e) => ({
        contactId: e.contactId,
        state: e.state,
        evidence: e.evidence,
        actor: e.actorUserId,
      }));
    const [maria] = await getDb().select().from(contacts).where(and(eq(contacts.organizationId, org.owner.org.id), eq(contacts.phoneE164, "+5511988887777")));
    const [joao] = await getDb().select().from(contacts).where(and(eq(contacts.organizationId, org.owner.org.id), eq(contacts.phoneE164, "+5521987776666")));
    const first = await history();
    expect(first).toHaveLength(2);
    expect(first).toEqual(
      expect.arrayContaining([
        { contactId: maria.id, state: "opted_in", evidence: { importId: firstImportId, fileName: "contatos.csv", row: 4 }, actor: org.owner.userId },
        { contactId: joao.id, state: "opted_out", evidence: { importId: firstImportId, fileName: "contatos.csv", row: 2 }, actor: org.owner.userId },
      ]),
    );
    // An overwrite that changes consent appends a row; re-running its batch (a retried step) appends nothing.
    const change = await upload("phone;aceite\n+5511988887777;não\n");
    await startContactImport(org.owner, change.import.id, { mapping: { "0": "phone", "1": "consent" }, duplicates: "overwrite", tagIds: [] });
    await runImport(change.import.id);
    expect(await importBatch(change.import.id, 0)).toBeNull();
    const after = await history();
    expect(after).toHaveLength(3);
    expect(after).toContainEqual({ contactId: maria.id, state: "opted_out", evidence: { importId: change.import.id, fileName: "contatos.csv", row: 1 }, actor: org.owner.userId });
    const [now] = await getDb().select({ optIn: contacts.optIn }).from(contacts).where(eq(contacts.id, maria.id));
    expect(now.optIn).toBe("opted_out");
  });

  it("skip leaves existing contacts alone; overwrite replaces their fields; nothing leaks to another organization", async () => {
    const file = "phone,name\n+5511988887777,Maria Overwritten\n";
    const skip = await upload(file);
    await startContactImport(org.owner, skip.import.id, { mapping: { "0": "phone", "1": "name" }, duplicates: "skip", tagIds: [] });
    expect(await runImport(skip.import.id)).toMatchObject({ skippedCount: 1, updatedCount: 0, createdCount: 0 });
    const over = await upload(file + "\n");
    await startContactImport(org.owner, over.import.id, { mapping: { "0": "phone", "1": "name" }, duplicates: "overwrite", tagIds: [] });
    expect(await runImport(over.import.id)).toMatchObject({ updatedCount: 1 });
    const [maria] = await getDb().select().from(contacts).where(and(eq(contacts.organizationId, org.owner.org.id), eq(contacts.phoneE164, "+5511988887777")));
    expect(maria.name).toBe("Maria Overwritten");
    await expect(getContactImportOrThrow(other.owner.org.id, over.import.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(startContactImport(other.owner, over.import.id, { mapping: { "0": "phone" }, duplicates: "skip", tagIds: [] })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a bad mapping, and stops at the plan's contact limit", async () => {
    const bad = await upload("phone\n+5511911112222\n");
    await expect(startContactImport(org.owner, bad.import.id, { mapping: { "0": "phone", "3": "name" }, duplicates: "skip", tagIds: [] })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(startContactImport(org.owner, bad.import.id, { mapping: { "0": "field:nope" } as never, duplicates: "skip", tagIds: [] })).rejects.toThrow();

    const [row] = await getDb().select({ limits: organizations.limits }).from(organizations).where(eq(organizations.id, org.owner.org.id));
    await getDb().update(organizations).set({ limits: { ...row.limits, contacts: 3 } }).where(eq(organizations.id, org.owner.org.id));
    const many = await upload("phone\n+5511911112222\n+5511911113333\n+5511911114444\n");
    await startContactImport(org.owner, many.import.id, { mapping: { "0": "phone" }, duplicates: "skip", tagIds: [] });
    const done = await runImport(many.import.id);
    expect(done).toMatchObject({ createdCount: 1, errorCount: 2 });
    const [job] = await getDb().select({ status: contactImports.status }).from(contactImports).where(eq(contactImports.id, many.import.id));
    expect(job.status).toBe("completed");
  });
});
