import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildInboundPayload, buildStatusPayload } from "@/lib/sandbox/build-inbound-payload";
import { customerMessageInput, type CustomerAction } from "@/lib/sandbox/customer-action";
import { graphMarkReadBody, graphSendBody } from "@/lib/sandbox/graph-send-body";
import { metaJsonBytes, signatureHeader } from "@/lib/sandbox/post-signed-webhook";
import { newWamid } from "@/lib/sandbox/wamid";
import { parseEnvelope } from "@/lib/whatsapp/parse-envelope";
import { verifySignature } from "@/lib/whatsapp/verify-signature";
import { parseInboundMessage } from "@/lib/whatsapp/webhook/message-schema";
import { messagesValueSchema } from "@/lib/whatsapp/webhook/messages-value-schema";
import { messageStatusSchema } from "@/lib/whatsapp/webhook/status-schema";

const channel = { wabaId: "0", phoneNumberId: "912345678901234", displayPhoneNumber: "+15550000000" };
const customer = { name: "Mariana Souza", phone: "5511987650001" };
const payloadsDir = "/work/shared/meta/payloads";
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(payloadsDir, `${name}.json`), "utf8")) as Record<string, unknown>;

/** Parses a body the way the webhook path does: envelope, `messages` value, then each message / status. */
function parse(body: Record<string, unknown>) {
  const envelope = parseEnvelope(metaJsonBytes(body));
  if (!envelope.ok) throw new Error(envelope.error);
  const [change] = envelope.envelope.entry[0].changes;
  expect(change.field).toBe("messages");
  const value = messagesValueSchema.parse(change.value);
  return { value, messages: value.messages.map(parseInboundMessage), statuses: value.statuses.map((s) => messageStatusSchema.parse(s)) };
}

const actions: [string, CustomerAction, string][] = [
  ["text", { type: "text", body: "Olá, tudo bem? 👟" }, "inbound_text"],
  ["location", { type: "location", latitude: -23.56, longitude: -46.65, name: "Paulista" }, "inbound_location"],
  ["button reply", { type: "button_reply", contextId: "wamid.BIZ", id: "order:confirm", title: "Confirmar" }, "inbound_interactive_button_reply"],
  ["list reply", { type: "list_reply", contextId: "wamid.BIZ", id: "size-42", title: "42", description: "Azul" }, "inbound_interactive_list_reply"],
  ["reaction", { type: "reaction", messageId: "wamid.BIZ", emoji: "👍" }, "inbound_reaction"],
];

describe("sandbox inbound payloads", () => {
  for (const [name, action, fixtureName] of actions) {
    it(`${name}: parses with the webhook schemas as the same type as Meta's ${fixtureName}.json`, () => {
      const wamid = newWamid();
      const body = buildInboundPayload({ channel, customer, action, waMessageId: wamid, at: new Date(1_790_000_000_000) });
      const { value, messages } = parse(body);
      expect(value.metadata).toEqual({ display_phone_number: "15550000000", phone_number_id: channel.phoneNumberId });
      expect(value.contacts).toEqual([{ profile: { name: "Mariana Souza" }, wa_id: customer.phone }]);
      const [message] = messages;
      expect(message).not.toBeNull();
      expect(message!.type).not.toBe("unsupported");
      expect(message).toMatchObject({ id: wamid, from: customer.phone, timestamp: 1_790_000_000 });

      // Same keys as Meta's own example of this message type (minus the BSUID, which the sandbox does not invent).
      const meta = parse(fixture(fixtureName)).messages[0]!;
      expect(message!.type).toBe(meta.type);
      const keys = (m: object) => Object.keys(m).filter((k) => k !== "from_user_id").sort();
      expect(keys(message!)).toEqual(keys(meta));
    });
  }

  it("a removed reaction has no emoji, like Meta's", () => {
    const body = buildInboundPayload({ channel, customer, action: { type: "reaction", messageId: "wamid.BIZ", emoji: "" }, waMessageId: newWamid() });
    const [message] = parse(body).messages;
    expect(message).toMatchObject({ type: "reaction", reaction: { message_id: "wamid.BIZ" } });
    expect((message as { reaction: object }).reaction).not.toHaveProperty("emoji");
  });

  it("is serialised like Meta's (non-ASCII escaped) and signed so the webhook path's check accepts it", () => {
    const bytes = metaJsonBytes(buildInboundPayload({ channel, customer, action: actions[0][1], waMessageId: newWamid() }));
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("Ol\\u00e1");
    expect(text).toContain("\\ud83d\\udc5f");
    expect(/[^\x00-\x7e]/.test(text)).toBe(false);
    const secret = "a".repeat(64);
    expect(verifySignature(bytes, signatureHeader(bytes, secret), secret)).toBe(true);
    expect(verifySignature(bytes, signatureHeader(bytes, secret), "b".repeat(64))).toBe(false);
  });

  it("the customer input validates the phone and keeps only its digits", () => {
    expect(customerMessageInput.parse({ customer: { name: " Ana ", phone: "+55 11 98765-0001" }, message: { type: "text", body: "oi" } }).customer).toEqual({
      name: "Ana",
      phone: "5511987650001",
    });
    expect(customerMessageInput.safeParse({ customer: { name: "Ana", phone: "abc" }, message: { type: "text", body: "oi" } }).success).toBe(false);
    expect(customerMessageInput.safeParse({ customer: { name: "Ana", phone: "+5511987650001" }, message: { type: "text", body: "" } }).success).toBe(false);
  });
});

describe("sandbox status payloads", () => {
  for (const status of ["sent", "delivered", "read"] as const) {
    it(`${status}: parses with the status schema and echoes biz_opaque_callback_data`, () => {
      const body = buildStatusPayload({ channel, waMessageId: "wamid.OUT", status, recipientId: customer.phone, callbackData: "papo:msg:0b9c2a44-7d3e-4f0e-9a55-1f2d3c4b5a69" });
      const { statuses, messages } = parse(body);
      expect(messages).toEqual([]);
      expect(statuses).toHaveLength(1);
      expect(statuses[0]).toMatchObject({ id: "wamid.OUT", status, recipient_id: customer.phone, biz_opaque_callback_data: "papo:msg:0b9c2a44-7d3e-4f0e-9a55-1f2d3c4b5a69" });
      if (status === "read") expect(statuses[0].pricing).toBeUndefined();
      else expect(statuses[0].pricing).toMatchObject({ billable: false, category: "service" });
    });
  }

  it("a recipient without a phone (BSUID) goes in recipient_user_id", () => {
    const { statuses } = parse(buildStatusPayload({ channel, waMessageId: "wamid.OUT", status: "sent", recipientId: "BR.1734820956128473" }));
    expect(statuses[0]).toMatchObject({ recipient_user_id: "BR.1734820956128473" });
    expect(statuses[0].recipient_id).toBeUndefined();
  });
});

describe("the sandbox Graph API's request validation", () => {
  it("accepts every documented send request and the mark-as-read request", () => {
    for (const file of fs.readdirSync(payloadsDir).filter((f) => /^send_.*_request\.json$/.test(f))) {
      const result = graphSendBody.safeParse(fixture(file.replace(/\.json$/, "")));
      expect(result.success, `${file}: ${result.error?.message}`).toBe(true);
    }
    expect(graphMarkReadBody.safeParse(fixture("mark_read_with_typing_indicator_request")).success).toBe(true);
  });

  it("rejects what Meta rejects with (#100): no recipient, an empty text, a type without its object", () => {
    expect(graphSendBody.safeParse({ messaging_product: "whatsapp", type: "text", text: { body: "hi" } }).success).toBe(false);
    expect(graphSendBody.safeParse({ messaging_product: "whatsapp", to: "+5511987650001", type: "text", text: { body: "" } }).success).toBe(false);
    expect(graphSendBody.safeParse({ messaging_product: "whatsapp", to: "+5511987650001", type: "image" }).success).toBe(false);
    expect(graphSendBody.safeParse({ messaging_product: "sms", to: "+5511987650001", type: "text", text: { body: "hi" } }).success).toBe(false);
  });
});
