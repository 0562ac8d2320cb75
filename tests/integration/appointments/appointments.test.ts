import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, conversationEvents, inngestQueue, templates } from "@/db/schema";
import { functions, inngest } from "@/inngest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/orgs/[orgSlug]/appointments/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/orgs/[orgSlug]/appointments/[appointmentId]/route";
import { POST as cancelRoute } from "@/app/api/v1/orgs/[orgSlug]/appointments/[appointmentId]/cancel/route";
import { PUT as putSettings } from "@/app/api/v1/orgs/[orgSlug]/appointments/settings/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { runsOf, startHarness, waitFor, type Harness, type RunRow } from "@/tests/support/executor/harness";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";
import { createOrgWithChannel, postToChannel, textWebhook, type TestChannel } from "@/tests/integration/whatsapp/helpers";
import { createPublishedFlow, newCustomer } from "@/tests/integration/flows/flow-helpers";
import { greetingGraph } from "@/tests/integration/flows/greeting-graph";

const HOUR = 3_600_000;
const ZONE = "America/Sao_Paulo";

let db: TestDatabase;
let h: Harness;
let mock: GraphMock;
let ch: TestChannel;
let other: TestChannel;
let slug: string;
let token: string;
let viewerToken: string;
let otherToken: string;

beforeAll(async () => {
  mock = await startGraphMock({ accessToken: "EAAGtest-access-token-000000000000" });
  process.env.META_GRAPH_API_URL = mock.url;
  db = await createTestDatabase();
  h = await startHarness({ client: inngest, functions });
  ch = await createOrgWithChannel("appointments");
  other = await createOrgWithChannel("other-clinic");
  slug = ch.ctx.org.slug;
  token = (await createApiKey(ch.ctx, { name: "scheduler", role: "admin" })).token;
  viewerToken = (await createApiKey(ch.ctx, { name: "viewer", role: "viewer" })).token;
  otherToken = (await createApiKey(other.ctx, { name: "other", role: "admin" })).token;
  // The library's appointment templates, approved at Meta; mirrored as template sync does (a long clock jump runs
  // the sync cron against the mock, which must know them too).
  const confirmationComponents = [
    { type: "BODY", text: "Hi {{customer_name}}, your appointment for {{service}} with {{staff}} is on {{date}} at {{time}}. Can you confirm?" },
    { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Confirm" }, { type: "QUICK_REPLY", text: "Reschedule" }, { type: "QUICK_REPLY", text: "Cancel" }] },
  ];
  const reminderComponents = [
    { type: "BODY", text: "Reminder: {{customer_name}}, your appointment for {{service}} is {{when}} at {{address}}. See you soon!" },
    { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "I'll be there" }, { type: "QUICK_REPLY", text: "Reschedule" }] },
  ];
  mock.templates = [
    { id: "184273645900001", name: "appointment_confirmation", language: "en_US", status: "APPROVED", category: "UTILITY", parameter_format: "NAMED", components: confirmationComponents },
    { id: "184273645900002", name: "appointment_reminder", language: "en_US", status: "APPROVED", category: "UTILITY", parameter_format: "NAMED", components: reminderComponents },
  ];
  await getDb()
    .insert(templates)
    .values([
      { organizationId: ch.organizationId, wabaId: ch.wabaId, name: "appointment_confirmation", language: "en_US", category: "UTILITY", status: "APPROVED", components: confirmationComponents },
      { organizationId: ch.organizationId, wabaId: ch.wabaId, name: "appointment_reminder", language: "en_US", category: "UTILITY", status: "APPROVED", components: reminderComponents },
    ]);
}, 240_000);
afterAll(async () => {
  await h?.close();
  await mock?.close();
  await db?.drop();
  delete process.env.META_GRAPH_API_URL;
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const params = <T>(p: T) => ({ params: Promise.resolve(p) });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call(handler: (req: Request, ctx: { params: Promise<any> }) => Promise<Response>, p: Json, init: { method?: string; body?: unknown; token?: string; key?: string; query?: string } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${init.token ?? token}`, "content-type": "application/json" };
  if (init.key) headers["idempotency-key"] = init.key;
  const req = new Request(`http://localhost/api/v1/orgs/${p.orgSlug}/appointments${init.query ?? ""}`, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const res = await handler(req, params(p));
  return { status: res.status, body: (await res.json()) as Json, replayed: res.headers.get("idempotent-replayed") === "true" };
}

const create = (body: Json, opts: { token?: string; key?: string; slug?: string } = {}) => call(createRoute, { orgSlug: opts.slug ?? slug }, { method: "POST", body, ...opts });
const patch = (id: string, body: Json) => call(patchRoute, { orgSlug: slug, appointmentId: id }, { method: "PATCH", body });
const cancel = (id: string) => call(cancelRoute, { orgSlug: slug, appointmentId: id }, { method: "POST" });
const read = async (id: string) => (await call(getRoute, { orgSlug: slug, appointmentId: id })).body.appointment;
const iso = (ms: number) => new Date(ms).toISOString();

/** What the Graph API mock received for the customer. */
const sentTo = (digits: string) => mock.messages.filter((m) => m.to.replace(/\D/g, "") === digits).map((m) => m.body as Json);
const templatesTo = (digits: string) => sentTo(digits).filter((b) => b.type === "template").map((b) => b.template.name as string);

/** The reminder run of one version of an appointment. */
async function runOf(appointmentId: string, version: number): Promise<RunRow> {
  return waitFor(async () => (await runsOf("papo-appointment-reminders")).find((r) => r.event.data.appointmentId === appointmentId && r.event.data.version === version), `the run of ${appointmentId} v${version}`);
}

/** When the run's sleep wakes (the executor's queue item), once it is sleeping. */
async function wakeAt(runId: string, after = 0): Promise<number> {
  return waitFor(async () => {
    const [item] = await getDb()
      .select({ runAt: inngestQueue.runAt })
      .from(inngestQueue)
      .where(and(eq(inngestQueue.runId, runId), eq(inngestQueue.kind, "resolve"), sql`${inngestQueue.runAt} > ${after}`));
    return item?.runAt;
  }, `run ${runId} to sleep`);
}

async function finished(runId: string) {
  return waitFor(async () => (await runsOf("papo-appointment-reminders")).find((r) => r.id === runId && r.status === "completed"), `run ${runId} to finish`);
}

/** The customer presses a template's quick-reply button (Meta's `button` message with the payload Papo set). */
async function customerPresses(from: string, payload: string, text: string) {
  const body = JSON.parse(textWebhook(ch.phoneNumberId, { id: `wamid.${randomBytes(12).toString("hex")}`, from, ts: Math.floor(Date.now() / 1000), body: "x", name: "Ana Souza" }));
  const msg = body.entry[0].changes[0].value.messages[0];
  delete msg.text;
  msg.type = "button";
  msg.button = { payload, text };
  expect((await postToChannel(ch.channelId, JSON.stringify(body))).status).toBe(200);
}

/** The customer picks a row of a list message. */
async function customerPicks(from: string, id: string, title: string) {
  const body = JSON.parse(textWebhook(ch.phoneNumberId, { id: `wamid.${randomBytes(12).toString("hex")}`, from, ts: Math.floor(Date.now() / 1000), body: "x", name: "Ana Souza" }));
  const msg = body.entry[0].changes[0].value.messages[0];
  delete msg.text;
  msg.type = "interactive";
  msg.interactive = { type: "list_reply", list_reply: { id, title } };
  expect((await postToChannel(ch.channelId, JSON.stringify(body))).status).toBe(200);
}

const payloadOf = (confirmation: Json, index: number) => confirmation.template.components.find((c: Json) => c.type === "button" && c.index === String(index)).parameters[0].payload as string;

describe("appointments: confirmation and reminders on the executor's clock", () => {
  it("created → the confirmation now, then reminders exactly 24 h and 2 h before the start", async () => {
    const customer = newCustomer();
    const start = h.clock.now() + 3 * 24 * HOUR;
    const made = await create({ to: `+${customer}`, startsAt: iso(start), timeZone: ZONE, service: "Haircut", staff: "Bruno", location: "10 Main St" });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const a = made.body.appointment;
    expect(a).toMatchObject({ status: "scheduled", version: 1, service: "Haircut", timeZone: ZONE });

    await waitFor(() => templatesTo(customer).length === 1, "the confirmation at Meta");
    const confirmation = sentTo(customer)[0];
    const when = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, timeStyle: "short" }).format(new Date(start));
    expect(confirmation.template).toMatchObject({ name: "appointment_confirmation", language: { code: "en_US" } });
    const bodyParams = confirmation.template.components.find((c: Json) => c.type === "body").parameters;
    expect(bodyParams).toEqual([
      { type: "text", text: "Ana", parameter_name: "customer_name" },
      { type: "text", text: "Haircut", parameter_name: "service" },
      { type: "text", text: "Bruno", parameter_name: "staff" },
      { type: "text", text: new Intl.DateTimeFormat("en-US", { timeZone: ZONE, dateStyle: "medium" }).format(new Date(start)), parameter_name: "date" },
      { type: "text", text: when, parameter_name: "time" },
    ].map((p, i) => (i === 0 ? { ...p, text: expect.any(String) } : p)));
    expect([0, 1, 2].map((i) => payloadOf(confirmation, i))).toEqual([`appt:${a.id}:1:confirm`, `appt:${a.id}:1:reschedule`, `appt:${a.id}:1:cancel`]);

    const run = await runOf(a.id, 1);
    const first = await wakeAt(run.id);
    expect(first).toBe(start - 24 * HOUR);
    h.clock.set(first - 1);
    h.executor.wake();
    expect(templatesTo(customer)).toEqual(["appointment_confirmation"]);
    h.clock.set(first);
    await waitFor(() => templatesTo(customer).length === 2, "the 24 h reminder");
    const reminder = sentTo(customer)[1];
    expect(reminder.template.name).toBe("appointment_reminder");
    expect(reminder.template.components.find((c: Json) => c.type === "body").parameters.map((p: Json) => p.parameter_name)).toEqual(["customer_name", "service", "when", "address"]);
    expect(reminder.template.components.find((c: Json) => c.type === "body").parameters[3].text).toBe("10 Main St");

    const second = await wakeAt(run.id, first);
    expect(second).toBe(start - 2 * HOUR);
    h.clock.set(second);
    await waitFor(() => templatesTo(customer).length === 3, "the 2 h reminder");
    expect((await finished(run.id)).output).toMatchObject({ "reminder-1440": { sent: expect.any(String) }, "reminder-120": { sent: expect.any(String) } });

    // Audited and on the conversation's timeline.
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.organizationId, ch.organizationId), eq(auditLog.targetId, a.id)));
    expect(audit.map((r) => r.action)).toEqual(["appointment.created"]);
    const events = await getDb().select().from(conversationEvents).where(and(eq(conversationEvents.organizationId, ch.organizationId), eq(conversationEvents.kind, "appointment")));
    expect(events.some((e) => e.data.appointmentId === a.id && e.data.change === "created")).toBe(true);
  });

  it("rescheduled → a new confirmation, and the reminders move: the old times send nothing", async () => {
    const customer = newCustomer();
    const start = h.clock.now() + 3 * 24 * HOUR;
    const a = (await create({ to: customer, startsAt: iso(start), timeZone: ZONE, service: "Check-up" })).body.appointment;
    await waitFor(() => templatesTo(customer).length === 1, "the first confirmation");
    const oldRun = await runOf(a.id, 1);
    expect(await wakeAt(oldRun.id)).toBe(start - 24 * HOUR);

    const later = start + 2 * 24 * HOUR;
    const moved = await patch(a.id, { startsAt: iso(later) });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.appointment).toMatchObject({ version: 2, status: "scheduled", startsAt: iso(later) });
    await waitFor(() => templatesTo(customer).length === 2, "the new confirmation");
    const newRun = await runOf(a.id, 2);
    expect(await wakeAt(newRun.id)).toBe(later - 24 * HOUR);

    // The old 24 h and 2 h moments pass: the old run wakes, sees version 2 and stops.
    h.clock.set(start - 24 * HOUR);
    expect((await finished(oldRun.id)).output).toMatchObject({ "reminder-1440": { stopped: expect.stringMatching(/changed/) } });
    expect(templatesTo(customer)).toEqual(["appointment_confirmation", "appointment_confirmation"]);
    h.clock.set(later - 24 * HOUR);
    await waitFor(() => templatesTo(customer).length === 3, "the moved 24 h reminder");
    expect(templatesTo(customer)[2]).toBe("appointment_reminder");
    expect((await read(a.id)).sent).toMatchObject({ "v2:confirmation": expect.any(String), "v2:reminder-1440": expect.any(String) });
  });

  it("cancelled → no reminder; an executor that wakes after the start sends nothing", async () => {
    const customer = newCustomer();
    const start = h.clock.now() + 2 * 24 * HOUR;
    const a = (await create({ to: customer, startsAt: iso(start), timeZone: ZONE })).body.appointment;
    await waitFor(() => templatesTo(customer).length === 1, "the confirmation");
    const run = await runOf(a.id, 1);
    await wakeAt(run.id);
    const cancelled = await cancel(a.id);
    expect(cancelled.body.appointment).toMatchObject({ status: "cancelled", version: 2 });
    expect((await cancel(a.id)).body.appointment.version).toBe(2);
    h.clock.set(start - 24 * HOUR);
    expect((await finished(run.id)).output).toMatchObject({ "reminder-1440": { stopped: expect.stringMatching(/changed/) } });
    expect(templatesTo(customer)).toEqual(["appointment_confirmation"]);

    // Late: the 24 h reminder's wake is only handled after the start time.
    const late = newCustomer();
    const soon = h.clock.now() + 30 * HOUR;
    const b = (await create({ to: late, startsAt: iso(soon), timeZone: ZONE })).body.appointment;
    await waitFor(() => templatesTo(late).length === 1, "the confirmation");
    const lateRun = await runOf(b.id, 1);
    expect(await wakeAt(lateRun.id)).toBe(soon - 24 * HOUR);
    h.clock.set(soon + 60_000);
    expect((await finished(lateRun.id)).output).toMatchObject({ "reminder-1440": { stopped: "the appointment has started" } });
    expect(templatesTo(late)).toEqual(["appointment_confirmation"]);

    // Created after the start: nothing at all.
    const past = newCustomer();
    const c = (await create({ to: past, startsAt: iso(h.clock.now() - 60_000), timeZone: ZONE })).body.appointment;
    expect((await finished((await runOf(c.id, 1)).id)).output).toEqual({ stopped: "the appointment has started" });
    expect(templatesTo(past)).toEqual([]);
  });
});

describe("appointments: the customer's buttons", () => {
  async function booked(opts: Json = {}) {
    const customer = newCustomer();
    const start = h.clock.now() + 5 * 24 * HOUR;
    const a = (await create({ to: customer, startsAt: iso(start), timeZone: ZONE, service: "Massage", ...opts })).body.appointment;
    await waitFor(() => templatesTo(customer).length === 1, "the confirmation");
    return { customer, a, start, confirmation: sentTo(customer)[0] };
  }
  const textsTo = (digits: string) => sentTo(digits).filter((b) => b.type === "text").map((b) => b.text.body as string);

  it("Confirm confirms the appointment and answers; Cancel cancels it", async () => {
    const { customer, a, confirmation } = await booked();
    await customerPresses(customer, payloadOf(confirmation, 0), "Confirm");
    await waitFor(async () => (await read(a.id)).status === "confirmed", "confirmed");
    await waitFor(() => textsTo(customer).length === 1, "the answer");
    expect(textsTo(customer)[0]).toMatch(/^Thank you! Your appointment on .+ is confirmed\.$/);
    const event = await waitFor(async () => {
      const rows = await getDb().select().from(conversationEvents).where(eq(conversationEvents.organizationId, ch.organizationId));
      return rows.find((e) => e.data.appointmentId === a.id && e.data.change === "confirmed");
    }, "the timeline event");
    expect(event.data.by).toBe("customer");

    await customerPresses(customer, payloadOf(confirmation, 2), "Cancel");
    await waitFor(async () => (await read(a.id)).status === "cancelled", "cancelled");
    await waitFor(() => textsTo(customer).length === 2, "the answer");
    expect(textsTo(customer)[1]).toMatch(/was cancelled/);
  });

  it("a template button without Papo's payload finds the contact's next appointment", async () => {
    const { customer, a } = await booked();
    await customerPresses(customer, "Confirm", "Confirm");
    await waitFor(async () => (await read(a.id)).status === "confirmed", "confirmed");
  });

  it("Reschedule with slots offers them as a list and books the chosen one (reminders only: no new confirmation)", async () => {
    const slotA = h.clock.now() + 6 * 24 * HOUR;
    const slotB = h.clock.now() + 7 * 24 * HOUR;
    const { customer, a, confirmation } = await booked({ slots: [iso(slotA), iso(slotB)] });
    await customerPresses(customer, payloadOf(confirmation, 1), "Reschedule");
    await waitFor(() => sentTo(customer).some((b) => b.type === "interactive"), "the list of slots");
    expect((await read(a.id)).status).toBe("reschedule_requested");
    const list = sentTo(customer).find((b) => b.type === "interactive")!;
    const rows = list.interactive.action.sections[0].rows as { id: string; title: string }[];
    expect(rows.map((r) => r.id)).toEqual([`appt:${a.id}:1:slot:0`, `appt:${a.id}:1:slot:1`]);

    await customerPicks(customer, rows[1].id, rows[1].title);
    await waitFor(async () => (await read(a.id)).version === 2, "booked");
    expect(await read(a.id)).toMatchObject({ status: "confirmed", startsAt: iso(slotB) });
    await waitFor(() => textsTo(customer).some((t) => t.startsWith("Done!")), "the answer");
    const run = await runOf(a.id, 2);
    expect(await wakeAt(run.id)).toBe(slotB - 24 * HOUR);
    expect(templatesTo(customer)).toEqual(["appointment_confirmation"]);
  });

  it("Reschedule hands the conversation to the organization's reschedule flow", async () => {
    const { flowId } = await createPublishedFlow(ch.organizationId, greetingGraph("Let's find you a new time."), { name: "Appointment reschedule" });
    const saved = await call(putSettings, { orgSlug: slug }, { method: "PUT", body: { reminderOffsetsMinutes: [1440, 120], confirmationTemplate: null, reminderTemplate: null, rescheduleFlowId: flowId, sendConfirmation: true } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    try {
      const { customer, a, confirmation } = await booked();
      await customerPresses(customer, payloadOf(confirmation, 1), "Reschedule");
      await waitFor(() => textsTo(customer).includes("Let's find you a new time."), "the flow's first message");
      expect((await read(a.id)).status).toBe("reschedule_requested");
    } finally {
      await call(putSettings, { orgSlug: slug }, { method: "PUT", body: { reminderOffsetsMinutes: [1440, 120], confirmationTemplate: null, reminderTemplate: null, rescheduleFlowId: null, sendConfirmation: true } });
    }
  });
});

describe("appointments API", () => {
  it("Idempotency-Key: the same request twice creates one appointment", async () => {
    const customer = newCustomer();
    const body = { to: customer, startsAt: iso(h.clock.now() + 10 * 24 * HOUR), timeZone: ZONE, externalId: `ext-${customer}` };
    const first = await create(body, { key: `k-${customer}` });
    const again = await create(body, { key: `k-${customer}` });
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, replayed: true });
    expect(again.body.appointment.id).toBe(first.body.appointment.id);
    const dup = await create(body);
    expect(dup.status).toBe(409);
    expect(dup.body.error.issues).toEqual([{ path: "externalId", message: "taken" }]);
  });

  it("bad input is a 422 naming the field", async () => {
    const res = await create({ to: newCustomer(), startsAt: "tomorrow", timeZone: "Mars/Olympus" });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: Json) => i.path).sort()).toEqual(["startsAt", "timeZone"]);
  });

  it("lists with filters; viewers read but cannot write; another organization gets 404", async () => {
    const customer = newCustomer();
    const at = h.clock.now() + 20 * 24 * HOUR;
    const a = (await create({ to: customer, startsAt: iso(at), timeZone: ZONE, staff: "Carla" })).body.appointment;
    const list = await call(listRoute, { orgSlug: slug }, { query: `?staff=Carla&from=${encodeURIComponent(iso(at - HOUR))}&to=${encodeURIComponent(iso(at + HOUR))}` });
    expect(list.body.appointments.map((x: Json) => x.id)).toEqual([a.id]);
    const byStatus = await call(listRoute, { orgSlug: slug }, { query: "?status=cancelled&staff=Carla" });
    expect(byStatus.body.appointments).toEqual([]);

    expect((await call(getRoute, { orgSlug: slug, appointmentId: a.id }, { token: viewerToken })).status).toBe(200);
    expect((await create({ to: customer, startsAt: iso(at), timeZone: ZONE }, { token: viewerToken })).status).toBe(403);
    expect((await call(getRoute, { orgSlug: other.ctx.org.slug, appointmentId: a.id }, { token: otherToken })).status).toBe(404);
    expect((await call(patchRoute, { orgSlug: other.ctx.org.slug, appointmentId: a.id }, { method: "PATCH", body: { notes: "x" }, token: otherToken })).status).toBe(404);
    expect((await call(cancelRoute, { orgSlug: other.ctx.org.slug, appointmentId: a.id }, { method: "POST", token: otherToken })).status).toBe(404);
    expect((await call(getRoute, { orgSlug: slug, appointmentId: a.id }, { token: otherToken })).status).toBe(404);
  });
});
