import { beforeAll, describe, expect, inject, it } from "vitest";
import { queueMockTemplateFaults, registerMockPhoneNumber } from "../support/graph-mock";
import { HttpClient, addMemberViaInvitation, createApiKey, signUpOwner, uniqueEmail, type SignedUp } from "../support/http-client";

type Role = "owner" | "admin" | "agent" | "viewer";
const roles: Role[] = ["owner", "admin", "agent", "viewer"];
const managers: Role[] = ["owner", "admin"];
const agentsUp: Role[] = ["owner", "admin", "agent"];

type Case = {
  name: string;
  allowed: Role[];
  /** Builds a fresh request (so destructive calls always have something of their own to destroy). */
  request: () => Promise<{ method: string; path: string; body?: unknown }>;
  okStatus?: number;
};

let baseUrl: string;
let owner: SignedUp;
let other: SignedUp;
const clients = {} as Record<Role, HttpClient>;
let channelId: string;
let cloudChannelId: string;
/** A second cloud channel (its own WABA) for the template writes, so the first one's template list stays empty. */
let templatesChannelId: string;
let runId: string;
let conversationId: string;
let tagId: string;
let segmentId: string;
let importId: string;
let contactId: string;
let appointmentId: string;

const appointmentBody = () => ({ to: customer.phone, channelId, startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), timeZone: "America/Sao_Paulo", service: "Matrix" });

async function newAppointment(): Promise<string> {
  const res = await owner.client.post<{ appointment: { id: string } }>(org("/appointments"), appointmentBody());
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.appointment.id;
}

const org = (p = "") => `/api/v1/orgs/${owner.orgSlug}${p}`;

async function newChannel(): Promise<string> {
  const res = await owner.client.post<{ channel: { id: string } }>(org("/channels"), {
    provider: "sandbox",
    name: "Matrix",
    displayPhoneNumber: "+5511912345678",
  });
  expect(res.status).toBe(201);
  return res.body.channel.id;
}

const customer = { name: "Matrix Customer", phone: "+5511987650042" };

async function newFlow(): Promise<string> {
  const res = await owner.client.post<{ flow: { id: string } }>(org("/flows"), { name: `Matrix ${Math.random()}` });
  expect(res.status).toBe(201);
  return res.body.flow.id;
}

/** A conversation that exists the way real ones do: a (sandbox) customer's message through the signed webhook. */
async function newConversation(): Promise<string> {
  const sent = await owner.client.post<{ message: { waMessageId: string } }>(org(`/sandbox/${channelId}/customer-messages`), {
    customer,
    message: { type: "text", body: "Olá, matriz" },
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const chat = await owner.client.get<{ messages: { waMessageId: string; conversationId: string }[] }>(
      org(`/sandbox/${channelId}/chat?phone=${customer.phone.slice(1)}`),
    );
    const stored = chat.body.messages?.find((m) => m.waMessageId === sent.body.message.waMessageId);
    if (stored) return stored.conversationId;
    if (Date.now() > deadline) throw new Error("the sandbox customer's message was never stored");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A cloud channel (so it has a WABA to sync), its number registered with the server's Graph API mock so it verifies. */
async function newCloudChannel(): Promise<string> {
  const digits = () => String(Math.floor(1e14 + Math.random() * 9e14));
  const number = { phoneNumberId: digits(), wabaId: digits(), accessToken: "EAAG-matrix-test-token-000000000000" };
  await registerMockPhoneNumber(inject("graphMockUrl"), number);
  const res = await owner.client.post<{ channel: { id: string } }>(org("/channels"), {
    provider: "cloud",
    name: "Matrix Cloud",
    displayPhoneNumber: "+5511912345678",
    ...number,
    appSecret: "0123456789abcdef0123456789abcdef",
  });
  expect(res.status).toBe(201);
  return res.body.channel.id;
}

let templateCount = 0;
/** A lint-clean template draft with a name of its own. */
function templateDraft(name = `matrix_${Date.now()}_${++templateCount}`) {
  return {
    name,
    category: "UTILITY",
    language: "en_US",
    body: { text: "Hello {{1}}, your order {{2}} shipped.", examples: { 1: "Ana", 2: "42" } },
    buttons: [{ type: "url", text: "Track", url: "https://shop.example/t/{{1}}", example: "https://shop.example/t/42" }],
  };
}

/** A template submitted through the cloud channel (the Graph mock answers PENDING, or `status` when given). */
async function newTemplate(status?: "REJECTED"): Promise<{ id: string; name: string }> {
  if (status) await queueMockTemplateFaults(inject("graphMockUrl"), { status });
  const draft = templateDraft();
  const res = await owner.client.post<{ template: { id: string } }>(org("/templates"), { channelId: templatesChannelId, ...draft });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.template.id, name: draft.name };
}

let phoneSeq = 0;
/** A fresh contact (owner), so destructive contact cases always have one of their own. */
async function newContact(): Promise<string> {
  const phone = `+551198${String(Date.now() % 1e5).padStart(5, "0")}${String(++phoneSeq % 100).padStart(2, "0")}`;
  const res = await owner.client.post<{ contact: { id: string } }>(org("/contacts"), { channelId, phone, name: "Matrix Contact" });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.contact.id;
}

const uniqueKey = (p: string) => `${p}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

async function newField(): Promise<string> {
  const res = await owner.client.post<{ field: { id: string } }>(org("/contact-fields"), { key: uniqueKey("f"), label: "Field", type: "text" });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.field.id;
}

async function newStage(): Promise<string> {
  const res = await owner.client.post<{ stage: { id: string } }>(org("/lifecycle-stages"), { key: uniqueKey("s"), name: "Stage" });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.stage.id;
}

async function newInvitation(): Promise<string> {
  const res = await owner.client.post<{ invitation: { id: string } }>(org("/invitations"), { email: uniqueEmail("inv"), role: "agent" });
  expect(res.status).toBe(201);
  return res.body.invitation.id;
}

async function newMembershipId(): Promise<string> {
  const member = await addMemberViaInvitation(owner, "agent");
  const list = await owner.client.get<{ members: { id: string; email: string }[] }>(org("/members"));
  return list.body.members.find((m) => m.email === member.email)!.id;
}

/**
 * A fresh run of diagnostics-ping for the organization: send the test event, then find the run it started in the
 * runs list. The run exists as soon as the send answers (it is created with the event) and runs for about a second
 * (its step.sleep), so it is still running when a cancel case uses it.
 */
async function newRun(): Promise<string> {
  const sent = await owner.client.post<{ eventId: string }>(org("/events/test"));
  expect(sent.status).toBe(201);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const list = await owner.client.get<{ runs: { id: string; eventId: string }[] }>(org("/runs?functionId=papo-diagnostics-ping&limit=20"));
    const run = list.body.runs?.find((r) => r.eventId === sent.body.eventId);
    if (run) return run.id;
    if (Date.now() > deadline) throw new Error(`no run appeared for event ${sent.body.eventId}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function newApiKeyId(): Promise<string> {
  const res = await owner.client.post<{ apiKey: { id: string } }>(org("/api-keys"), { name: "to revoke", role: "viewer" });
  return res.body.apiKey.id;
}

const cases: Case[] = [
  { name: "read the organization", allowed: roles, request: async () => ({ method: "GET", path: org() }) },
  { name: "rename the organization", allowed: managers, request: async () => ({ method: "PATCH", path: org(), body: { name: "Acme Renamed" } }) },
  { name: "list members", allowed: managers, request: async () => ({ method: "GET", path: org("/members") }) },
  {
    name: "change a member's role",
    allowed: managers,
    request: async () => ({ method: "PATCH", path: org(`/members/${await newMembershipId()}`), body: { role: "viewer" } }),
  },
  { name: "remove a member", allowed: managers, request: async () => ({ method: "DELETE", path: org(`/members/${await newMembershipId()}`) }) },
  { name: "list invitations", allowed: managers, request: async () => ({ method: "GET", path: org("/invitations") }) },
  {
    name: "invite a member",
    allowed: managers,
    okStatus: 201,
    request: async () => ({ method: "POST", path: org("/invitations"), body: { email: uniqueEmail("x"), role: "agent" } }),
  },
  { name: "revoke an invitation", allowed: managers, request: async () => ({ method: "DELETE", path: org(`/invitations/${await newInvitation()}`) }) },
  { name: "list channels", allowed: roles, request: async () => ({ method: "GET", path: org("/channels") }) },
  { name: "read a channel", allowed: roles, request: async () => ({ method: "GET", path: org(`/channels/${channelId}`) }) },
  {
    name: "add a channel",
    allowed: managers,
    okStatus: 201,
    request: async () => ({ method: "POST", path: org("/channels"), body: { provider: "sandbox", name: "New", displayPhoneNumber: "+5511912345678" } }),
  },
  { name: "edit a channel", allowed: managers, request: async () => ({ method: "PATCH", path: org(`/channels/${channelId}`), body: { name: "Edited" } }) },
  // Asks Meta again about the cloud channel's number (registered with the server's Graph API mock): 200.
  { name: "verify a channel again", allowed: managers, request: async () => ({ method: "POST", path: org(`/channels/${cloudChannelId}/verify`), body: {} }) },
  { name: "delete a channel", allowed: managers, request: async () => ({ method: "DELETE", path: org(`/channels/${await newChannel()}`) }) },
  { name: "read the channel routing rule", allowed: roles, request: async () => ({ method: "GET", path: org("/channel-routing") }) },
  { name: "set the proactive number", allowed: managers, request: async () => ({ method: "PUT", path: org("/channel-routing"), body: { proactiveChannelId: channelId } }) },
  {
    name: "write as a sandbox customer",
    // sandbox.simulate: playing a customer writes messages, so viewers (read-only) may not.
    allowed: ["owner", "admin", "agent"],
    okStatus: 201,
    request: async () => ({ method: "POST", path: org(`/sandbox/${channelId}/customer-messages`), body: { customer, message: { type: "text", body: "Oi" } } }),
  },
  { name: "read a sandbox chat", allowed: roles, request: async () => ({ method: "GET", path: org(`/sandbox/${channelId}/chat?phone=${customer.phone.slice(1)}`) }) },
  {
    name: "reply in a conversation",
    allowed: ["owner", "admin", "agent"],
    okStatus: 201,
    request: async () => {
      // A reply takes an unassigned conversation (inbox settings, replyAssigns): each role replies to it unassigned.
      await owner.client.post(org(`/conversations/${conversationId}/assign`), { assigneeId: null });
      return { method: "POST", path: org(`/conversations/${conversationId}/messages`), body: { text: "Olá! Como posso ajudar?" } };
    },
  },
  { name: "read the inbox settings", allowed: roles, request: async () => ({ method: "GET", path: org("/inbox-settings") }) },
  { name: "change the inbox settings", allowed: managers, request: async () => ({ method: "PATCH", path: org("/inbox-settings"), body: { replyAssigns: true } }) },
  { name: "list templates", allowed: roles, request: async () => ({ method: "GET", path: org("/templates") }) },
  {
    name: "sync a channel's templates",
    allowed: managers,
    okStatus: 202,
    request: async () => ({ method: "POST", path: org(`/channels/${cloudChannelId}/templates/sync`), body: {} }),
  },
  {
    name: "submit a template",
    allowed: managers,
    okStatus: 201,
    request: async () => ({ method: "POST", path: org("/templates"), body: { channelId: templatesChannelId, ...templateDraft() } }),
  },
  {
    name: "edit a template",
    allowed: managers,
    request: async () => {
      const t = await newTemplate("REJECTED");
      return { method: "PUT", path: org(`/templates/${t.id}`), body: { ...templateDraft(t.name), footer: "Edited" } };
    },
  },
  {
    name: "duplicate a template",
    allowed: managers,
    okStatus: 201,
    request: async () => ({ method: "POST", path: org(`/templates/${(await newTemplate()).id}/duplicate`), body: { name: templateDraft().name } }),
  },
  { name: "delete a template", allowed: managers, request: async () => ({ method: "DELETE", path: org(`/templates/${(await newTemplate()).id}`) }) },
  {
    name: "upload a template header sample",
    allowed: managers,
    okStatus: 201,
    request: async () => {
      const form = new FormData();
      form.set("file", new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: "image/png" }), "sample.png");
      return { method: "POST", path: org(`/channels/${templatesChannelId}/template-media`), body: form };
    },
  },
  { name: "list API keys", allowed: managers, request: async () => ({ method: "GET", path: org("/api-keys") }) },
  {
    name: "create an API key",
    allowed: managers,
    okStatus: 201,
    request: async () => ({ method: "POST", path: org("/api-keys"), body: { name: "k", role: "viewer" } }),
  },
  { name: "revoke an API key", allowed: managers, request: async () => ({ method: "DELETE", path: org(`/api-keys/${await newApiKeyId()}`) }) },
  { name: "read the audit log", allowed: managers, request: async () => ({ method: "GET", path: org("/audit-log") }) },
  { name: "list runs", allowed: managers, request: async () => ({ method: "GET", path: org("/runs") }) },
  { name: "read a run", allowed: managers, request: async () => ({ method: "GET", path: org(`/runs/${runId}`) }) },
  { name: "cancel a run", allowed: managers, request: async () => ({ method: "POST", path: org(`/runs/${await newRun()}/cancel`), body: {} }) },
  {
    name: "replay a run",
    allowed: managers,
    okStatus: 201,
    request: async () => ({ method: "POST", path: org(`/runs/${await newRun()}/replay`), body: {} }),
  },
  { name: "list events", allowed: managers, request: async () => ({ method: "GET", path: org("/events") }) },
  { name: "send a test event", allowed: managers, okStatus: 201, request: async () => ({ method: "POST", path: org("/events/test"), body: {} }) },
  // Spend: everyone who sees a conversation sees what the next message costs; money and budgets are managers'.
  { name: "estimate a message's cost", allowed: roles, request: async () => ({ method: "GET", path: org(`/spend/estimate?conversationId=${conversationId}`) }) },
  { name: "read the analytics overview", allowed: roles, request: async () => ({ method: "GET", path: org("/analytics/overview?from=2026-11-01&to=2026-11-08") }) },
  { name: "read the agents report", allowed: roles, request: async () => ({ method: "GET", path: org("/analytics/agents") }) },
  { name: "read the flows report", allowed: roles, request: async () => ({ method: "GET", path: org("/analytics/flows") }) },
  { name: "read a flow's node funnel", allowed: roles, request: async () => ({ method: "GET", path: org(`/analytics/flows/${await newFlow()}`) }) },
  { name: "export analytics as CSV", allowed: roles, request: async () => ({ method: "GET", path: org("/analytics/export?report=channels") }) },
  { name: "read the spend dashboard", allowed: managers, request: async () => ({ method: "GET", path: org("/spend/summary") }) },
  { name: "export spend as CSV", allowed: managers, request: async () => ({ method: "GET", path: org("/spend/export") }) },
  { name: "read the spend settings", allowed: managers, request: async () => ({ method: "GET", path: org("/spend/settings") }) },
  { name: "set the monthly budget", allowed: managers, request: async () => ({ method: "PATCH", path: org("/spend/settings"), body: { monthlyBudget: "500.00" } }) },
  { name: "list rate cards", allowed: managers, request: async () => ({ method: "GET", path: org("/spend/rate-cards") }) },
  {
    name: "upload a rate card",
    allowed: managers,
    okStatus: 201,
    request: async () => ({ method: "POST", path: org("/spend/rate-cards"), body: { csv: "effective_from,market,category,usd\n2027-01-01,Brazil,marketing,0.0700\n", name: `matrix ${Math.random()}` } }),
  },
  // Notifications API (issue #13): sending is for admin keys and up; a notification's statuses are readable by all.
  {
    name: "send a notification",
    allowed: managers,
    okStatus: 202,
    request: async () => ({ method: "POST", path: org("/notifications"), body: { to: customer.phone, channelId, text: "Sua fatura está disponível" } }),
  },
  { name: "read a notification", allowed: roles, request: async () => ({ method: "GET", path: org(`/notifications/${notificationId}`) }) },
  {
    name: "send a notifications batch",
    allowed: managers,
    okStatus: 202,
    request: async () => ({ method: "POST", path: org("/notifications/batch"), body: { channelId, items: [{ to: customer.phone, text: "Lembrete" }] } }),
  },
  { name: "read a notifications batch", allowed: managers, request: async () => ({ method: "GET", path: org(`/notifications/batch/${batchId}`) }) },
  { name: "read the SMS gateway", allowed: managers, request: async () => ({ method: "GET", path: org("/sms-gateway") }) },
  { name: "save the SMS gateway", allowed: managers, request: async () => ({ method: "PUT", path: org("/sms-gateway"), body: smsGateway }) },
  // The gateway points at a private address this organization does not allow: stored and refused by the guard, never sent.
  { name: "send an SMS", allowed: managers, okStatus: 202, request: async () => ({ method: "POST", path: org("/sms"), body: { to: customer.phone, message: "Código 123456", channelId } }) },
  { name: "delete the SMS gateway", allowed: managers, request: async () => ({ method: "DELETE", path: org("/sms-gateway") }) },
  // Appointments (lib/appointments): everyone reads; agents and up book, move and cancel; admins configure reminders.
  { name: "list appointments", allowed: roles, request: async () => ({ method: "GET", path: org("/appointments") }) },
  { name: "read an appointment", allowed: roles, request: async () => ({ method: "GET", path: org(`/appointments/${appointmentId}`) }) },
  { name: "book an appointment", allowed: agentsUp, okStatus: 201, request: async () => ({ method: "POST", path: org("/appointments"), body: appointmentBody() }) },
  { name: "edit an appointment", allowed: agentsUp, request: async () => ({ method: "PATCH", path: org(`/appointments/${await newAppointment()}`), body: { notes: "Bring the exams" } }) },
  { name: "cancel an appointment", allowed: agentsUp, request: async () => ({ method: "POST", path: org(`/appointments/${await newAppointment()}/cancel`) }) },
  { name: "read the appointment settings", allowed: roles, request: async () => ({ method: "GET", path: org("/appointments/settings") }) },
  {
    name: "save the appointment settings",
    allowed: managers,
    request: async () => ({ method: "PUT", path: org("/appointments/settings"), body: { reminderOffsetsMinutes: [1440, 120], confirmationTemplate: null, reminderTemplate: null, rescheduleFlowId: null, sendConfirmation: true } }),
  },
  // Integrations: everyone who opens flows sees the connection names (the HTTP node's picker); admins manage them.
  { name: "list integrations", allowed: roles, request: async () => ({ method: "GET", path: org("/integrations") }) },
  {
    name: "add an integration",
    allowed: managers,
    okStatus: 201,
    request: async () => ({ method: "POST", path: org("/integrations"), body: { name: `erp-${Math.random().toString(36).slice(2, 10)}`, baseUrl: "https://erp.example.com/api", headers: { authorization: "Bearer x" } } }),
  },
  { name: "edit an integration", allowed: managers, request: async () => ({ method: "PATCH", path: org(`/integrations/${await newConnection()}`), body: { baseUrl: "https://erp.example.com/v2" } }) },
  { name: "delete an integration", allowed: managers, request: async () => ({ method: "DELETE", path: org(`/integrations/${await newConnection()}`) }) },
  { name: "list contacts", allowed: roles, request: async () => ({ method: "GET", path: org(`/contacts?q=matrix&filter=${encodeURIComponent(JSON.stringify({ consent: ["unknown"] }))}`) }) },
  { name: "count contacts", allowed: roles, request: async () => ({ method: "GET", path: org("/contacts/count?q=matrix") }) },
  {
    name: "tag contacts in bulk",
    allowed: managers,
    request: async () => ({ method: "POST", path: org("/contacts/bulk"), body: { action: "tag", tagId, target: { filter: { q: "matrix" } } } }),
  },
  { name: "export contacts", allowed: managers, request: async () => ({ method: "GET", path: org("/contact-exports?q=matrix") }) },
  { name: "list segments", allowed: roles, request: async () => ({ method: "GET", path: org("/segments") }) },
  {
    name: "save a segment",
    allowed: managers,
    okStatus: 201,
    request: async () => ({ method: "POST", path: org("/segments"), body: { name: `Seg ${Math.random()}`, filter: { consent: ["opted_in"] } } }),
  },
  { name: "read a segment", allowed: roles, request: async () => ({ method: "GET", path: org(`/segments/${segmentId}`) }) },
  { name: "count a segment", allowed: roles, request: async () => ({ method: "GET", path: org(`/segments/${segmentId}/count`) }) },
  { name: "edit a segment", allowed: managers, request: async () => ({ method: "PATCH", path: org(`/segments/${segmentId}`), body: { filter: { blocked: false } } }) },
  { name: "delete a segment", allowed: managers, request: async () => ({ method: "DELETE", path: org(`/segments/${await newSegment()}`) }) },
  { name: "upload a contact CSV", allowed: managers, okStatus: 201, request: async () => ({ method: "POST", path: org("/contact-imports"), body: importForm() }) },
  { name: "read an import", allowed: managers, request: async () => ({ method: "GET", path: org(`/contact-imports/${importId}`) }) },
  { name: "download an import's failed rows", allowed: managers, request: async () => ({ method: "GET", path: org(`/contact-imports/${importId}/errors`) }) },
  {
    name: "start an import",
    allowed: managers,
    okStatus: 202,
    request: async () => ({ method: "POST", path: org(`/contact-imports/${await newImport()}/start`), body: { mapping: { "0": "phone", "1": "name" }, duplicates: "skip" } }),
  },
  // Contacts (issue #12): viewers read, agents edit contacts of conversations they may act on, managers everything.
  { name: "list contacts with flat filters", allowed: roles, request: async () => ({ method: "GET", path: org("/contacts?consent=unknown&limit=5") }) },
  { name: "read a contact", allowed: roles, request: async () => ({ method: "GET", path: org(`/contacts/${contactId}`) }) },
  {
    name: "create a contact",
    allowed: ["owner", "admin", "agent"],
    okStatus: 201,
    request: async () => ({ method: "POST", path: org("/contacts"), body: { channelId, phone: `+551197${String(Date.now() % 1e5).padStart(5, "0")}${String(++phoneSeq % 100).padStart(2, "0")}` } }),
  },
  { name: "edit a contact", allowed: ["owner", "admin", "agent"], request: async () => ({ method: "PATCH", path: org(`/contacts/${contactId}`), body: { name: "Edited Customer" } }) },
  { name: "delete a contact", allowed: managers, request: async () => ({ method: "DELETE", path: org(`/contacts/${await newContact()}`) }) },
  { name: "erase a contact", allowed: managers, request: async () => ({ method: "POST", path: org(`/contacts/${await newContact()}/erase`), body: { confirm: "ERASE" } }) },
  {
    name: "merge contacts",
    allowed: managers,
    request: async () => ({ method: "POST", path: org(`/contacts/${await newContact()}/merge`), body: { sourceContactId: await newContact() } }),
  },
  { name: "read a contact's consent history", allowed: roles, request: async () => ({ method: "GET", path: org(`/contacts/${contactId}/consent`) }) },
  {
    name: "record a contact's consent",
    allowed: ["owner", "admin", "agent"],
    okStatus: 201,
    request: async () => ({ method: "POST", path: org(`/contacts/${contactId}/consent`), body: { state: "opted_in", evidence: "Signed the form at the store" } }),
  },
  { name: "read a contact's timeline", allowed: roles, request: async () => ({ method: "GET", path: org(`/contacts/${contactId}/timeline`) }) },
  { name: "list custom fields", allowed: roles, request: async () => ({ method: "GET", path: org("/contact-fields") }) },
  { name: "create a custom field", allowed: managers, okStatus: 201, request: async () => ({ method: "POST", path: org("/contact-fields"), body: { key: uniqueKey("f"), label: "F", type: "number" } }) },
  { name: "edit a custom field", allowed: managers, request: async () => ({ method: "PATCH", path: org(`/contact-fields/${await newField()}`), body: { label: "Renamed" } }) },
  { name: "delete a custom field", allowed: managers, request: async () => ({ method: "DELETE", path: org(`/contact-fields/${await newField()}`) }) },
  { name: "list lifecycle stages", allowed: roles, request: async () => ({ method: "GET", path: org("/lifecycle-stages") }) },
  { name: "create a lifecycle stage", allowed: managers, okStatus: 201, request: async () => ({ method: "POST", path: org("/lifecycle-stages"), body: { key: uniqueKey("s"), name: "S" } }) },
  { name: "edit a lifecycle stage", allowed: managers, request: async () => ({ method: "PATCH", path: org(`/lifecycle-stages/${await newStage()}`), body: { name: "Renamed" } }) },
  { name: "delete a lifecycle stage", allowed: managers, request: async () => ({ method: "DELETE", path: org(`/lifecycle-stages/${await newStage()}`) }) },
  { name: "read consent settings", allowed: roles, request: async () => ({ method: "GET", path: org("/consent-settings") }) },
  {
    name: "edit consent settings",
    allowed: managers,
    request: async () => ({ method: "PUT", path: org("/consent-settings"), body: { optOutKeywords: ["STOP", "SAIR"], optInKeywords: ["START"], optOutConfirmation: "Bye", optInConfirmation: "Hi" } }),
  },
];

async function newConnection(): Promise<string> {
  const res = await owner.client.post<{ connection: { id: string } }>(org("/integrations"), { name: `c-${Math.random().toString(36).slice(2, 10)}`, baseUrl: "https://erp.example.com" });
  expect(res.status).toBe(201);
  return res.body.connection.id;
}

const smsGateway = { method: "POST", urlTemplate: "http://127.0.0.1:9/send?to={to}", headers: { authorization: "Bearer {secret}" }, bodyTemplate: "{message}", secret: "matrix-secret" };
let notificationId: string;
let batchId: string;

/** A small CSV upload, different each time (so starting it is never the re-run of an earlier import). */
function importForm(): FormData {
  const form = new FormData();
  form.set("channelId", channelId);
  form.set("file", new Blob([`phone;name\n+55119${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")};Matrix\n`], { type: "text/csv" }), "matrix.csv");
  return form;
}

async function newImport(): Promise<string> {
  const res = await owner.client.request<{ import: { id: string } }>("POST", org("/contact-imports"), importForm());
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.import.id;
}

async function newSegment(): Promise<string> {
  const res = await owner.client.post<{ segment: { id: string } }>(org("/segments"), { name: `To delete ${Math.random()}`, filter: {} });
  expect(res.status).toBe(201);
  return res.body.segment.id;
}

beforeAll(async () => {
  baseUrl = inject("baseUrl");
  owner = await signUpOwner(baseUrl, "Matrix Org");
  other = await signUpOwner(baseUrl, "Other Org");
  clients.owner = owner.client;
  for (const role of ["admin", "agent", "viewer"] as const) clients[role] = owner.client.withApiKey(await createApiKey(owner, role));
  channelId = await newChannel();
  cloudChannelId = await newCloudChannel();
  templatesChannelId = await newCloudChannel();
  runId = await newRun();
  conversationId = await newConversation();
  const sent = await owner.client.post<{ notification: { id: string } }>(org("/notifications"), { to: customer.phone, channelId, text: "Olá" });
  expect(sent.status, JSON.stringify(sent.body)).toBe(202);
  notificationId = sent.body.notification.id;
  const batch = await owner.client.post<{ batch: { id: string } }>(org("/notifications/batch"), { channelId, items: [{ to: customer.phone, text: "Olá" }] });
  expect(batch.status, JSON.stringify(batch.body)).toBe(202);
  batchId = batch.body.batch.id;
  expect((await owner.client.request("PUT", org("/sms-gateway"), smsGateway)).status).toBe(200);
  tagId = (await owner.client.post<{ tag: { id: string } }>(org("/tags"), { name: "matrix" })).body.tag.id;
  segmentId = await newSegment();
  importId = await newImport();
  const detail = await owner.client.get<{ conversation: { contact: { id: string } } }>(org(`/conversations/${conversationId}`));
  contactId = detail.body.conversation.contact.id;
  appointmentId = await newAppointment();
});

describe("permission matrix: role × route", () => {
  for (const c of cases) {
    for (const role of roles) {
      const allowed = c.allowed.includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${c.name}`, async () => {
        const { method, path, body } = await c.request();
        const res = await clients[role].request(method, path, body);
        if (allowed) expect(res.status, JSON.stringify(res.body)).toBe(c.okStatus ?? 200);
        else {
          expect(res.status).toBe(403);
          expect(res.body).toMatchObject({ error: { code: "forbidden" } });
        }
      });
    }
  }
});

describe("tenancy: another organization's members and keys get 404", () => {
  for (const c of cases) {
    it(`outsider (session) cannot ${c.name}`, async () => {
      const { method, path, body } = await c.request();
      const res = await other.client.request(method, path, body);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: { code: "not_found" } });
    });
  }

  it("an API key of another organization gets 404, even with the owner role", async () => {
    const key = await createApiKey(other, "owner");
    const res = await other.client.withApiKey(key).get(org("/channels"));
    expect(res.status).toBe(404);
  });

  it("a channel id from organization A under organization B's path is 404", async () => {
    const res = await other.client.get(`/api/v1/orgs/${other.orgSlug}/channels/${channelId}`);
    expect(res.status).toBe(404);
    const own = await owner.client.get(org(`/channels/${channelId}`));
    expect(own.status).toBe(200);
  });

  it("a flow id from organization A under organization B's analytics path is 404", async () => {
    const res = await other.client.get(`/api/v1/orgs/${other.orgSlug}/analytics/flows/${await newFlow()}`);
    expect(res.status).toBe(404);
  });

  it("a conversation id from organization A priced under organization B's path is 404", async () => {
    const res = await other.client.get(`/api/v1/orgs/${other.orgSlug}/spend/estimate?conversationId=${conversationId}`);
    expect(res.status).toBe(404);
  });
});

describe("templates", () => {
  it("a sandbox channel syncs its demo templates (202); an unknown channel is 404; the list answers an array", async () => {
    const sandbox = await owner.client.post(org(`/channels/${channelId}/templates/sync`), {});
    expect(sandbox.status).toBe(202);
    expect((await owner.client.post(org("/channels/00000000-0000-4000-8000-000000000000/templates/sync"), {})).status).toBe(404);
    const list = await owner.client.get<{ templates: unknown[] }>(org(`/templates?channelId=${cloudChannelId}`));
    expect(list.status).toBe(200);
    expect(list.body.templates).toEqual([]);
  });
});

describe("tenancy: runs and events", () => {
  it("a run id from organization A under organization B's path is 404, and A's runs and events never appear in B's lists", async () => {
    const theirs = await other.client.post<{ eventId: string }>(`/api/v1/orgs/${other.orgSlug}/events/test`);
    expect(theirs.status).toBe(201);
    for (const action of ["", "/cancel", "/replay"]) {
      const res = await other.client.request(action ? "POST" : "GET", `/api/v1/orgs/${other.orgSlug}/runs/${runId}${action}`, action ? {} : undefined);
      expect(res.status, action).toBe(404);
    }
    const runs = await other.client.get<{ runs: { id: string; eventId: string }[] }>(`/api/v1/orgs/${other.orgSlug}/runs?limit=200`);
    expect(runs.status).toBe(200);
    expect(runs.body.runs.map((r) => r.id)).not.toContain(runId);
    expect(runs.body.runs.map((r) => r.eventId)).toContain(theirs.body.eventId);
    const ownRuns = await owner.client.get<{ runs: { eventId: string }[] }>(org("/runs?limit=200"));
    expect(ownRuns.body.runs.map((r) => r.eventId)).not.toContain(theirs.body.eventId);
    const events = await other.client.get<{ events: { id: string; runs: { id: string }[] }[] }>(`/api/v1/orgs/${other.orgSlug}/events?limit=200`);
    expect(events.body.events.map((e) => e.id)).toEqual([theirs.body.eventId]);
    expect(events.body.events.flatMap((e) => e.runs.map((r) => r.id))).not.toContain(runId);
  });

  it("a malformed run id is a 404; cancelling a finished run is a 409", async () => {
    expect((await owner.client.get(org("/runs/not-a-run"))).status).toBe(404);
    expect((await owner.client.post(org("/runs/run_0123/cancel"))).status).toBe(404);
    const id = await newRun();
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await owner.client.get<{ run: { status: string; steps: { name: string; output: unknown }[] } }>(org(`/runs/${id}`));
      if (res.body.run.status === "completed") {
        expect(res.body.run.steps[0]).toMatchObject({ name: "reply", output: { pong: true } });
        break;
      }
      if (Date.now() > deadline) throw new Error(`run ${id} did not complete: ${JSON.stringify(res.body)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const late = await owner.client.post(org(`/runs/${id}/cancel`));
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: "conflict" } });
  });
});

describe("authentication", () => {
  it("anonymous calls get 401", async () => {
    const res = await new HttpClient(baseUrl).get(org("/channels"));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("an unknown or revoked API key gets 401", async () => {
    const anon = new HttpClient(baseUrl);
    expect((await anon.withApiKey("papo_sk_nope").get(org())).status).toBe(401);
    const token = await createApiKey(owner, "viewer");
    const keys = await owner.client.get<{ apiKeys: { id: string; prefix: string }[] }>(org("/api-keys"));
    const id = keys.body.apiKeys.find((k) => token.startsWith(k.prefix))!.id;
    expect((await anon.withApiKey(token).get(org())).status).toBe(200);
    expect((await owner.client.delete(org(`/api-keys/${id}`))).status).toBe(200);
    expect((await anon.withApiKey(token).get(org())).status).toBe(401);
  });

  it("a signed-in agent is held to the same rules as an agent key", async () => {
    const agent = await addMemberViaInvitation(owner, "agent");
    expect((await agent.client.get(org("/channels"))).status).toBe(200);
    expect((await agent.client.get(org("/members"))).status).toBe(403);
  });

  it("agents and viewers do not see the webhook verify token", async () => {
    const asViewer = await clients.viewer.get<{ channel: Record<string, unknown> }>(org(`/channels/${channelId}`));
    expect(asViewer.body.channel.verifyToken).toBeUndefined();
    const asOwner = await clients.owner.get<{ channel: Record<string, unknown> }>(org(`/channels/${channelId}`));
    expect(typeof asOwner.body.channel.verifyToken).toBe("string");
    expect(JSON.stringify(asOwner.body)).not.toMatch(/accessToken"|appSecret"|Encrypted/);
  });
});

describe("role rules", () => {
  it("an admin cannot grant the owner role; an owner can", async () => {
    const admin = owner.client.withApiKey(await createApiKey(owner, "admin"));
    const target = await newMembershipId();
    const denied = await admin.patch(org(`/members/${target}`), { role: "owner" });
    expect(denied.status).toBe(403);
    expect((await owner.client.patch(org(`/members/${target}`), { role: "owner" })).status).toBe(200);
  });

  it("the last owner can be neither demoted nor removed", async () => {
    const solo = await signUpOwner(baseUrl, "Solo");
    const list = await solo.client.get<{ members: { id: string }[] }>(`/api/v1/orgs/${solo.orgSlug}/members`);
    const me = list.body.members[0].id;
    const demote = await solo.client.patch(`/api/v1/orgs/${solo.orgSlug}/members/${me}`, { role: "admin" });
    expect(demote.status).toBe(409);
    const remove = await solo.client.delete(`/api/v1/orgs/${solo.orgSlug}/members/${me}`);
    expect(remove.status).toBe(409);
  });

  it("bad input is a 422 with field issues and writes nothing; malformed JSON is a 400", async () => {
    const before = await owner.client.get<{ channels: unknown[] }>(org("/channels"));
    const bad = await owner.client.post<{ error: { issues: { path: string }[] } }>(org("/channels"), {
      provider: "cloud",
      name: "",
      displayPhoneNumber: "123",
      phoneNumberId: "abc",
      wabaId: "1",
      accessToken: "short",
      appSecret: "!",
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(["name", "displayPhoneNumber", "phoneNumberId", "wabaId", "accessToken", "appSecret"]),
    );
    const malformed = await owner.client.request("POST", org("/channels"), "{not json", { "content-type": "application/json" });
    expect(malformed.status).toBe(400);
    const after = await owner.client.get<{ channels: unknown[] }>(org("/channels"));
    expect(after.body.channels.length).toBe(before.body.channels.length);
  });

  it("a non-UUID id is a 404, not a server error", async () => {
    expect((await owner.client.get(org("/channels/not-a-uuid"))).status).toBe(404);
  });
});
