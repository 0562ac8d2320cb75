import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnvelope } from "@/lib/whatsapp/parse-envelope";
import { messagesValueSchema } from "@/lib/whatsapp/webhook/messages-value-schema";
import { parseInboundMessage, type InboundMessage } from "@/lib/whatsapp/webhook/message-schema";
import { messageStatusSchema } from "@/lib/whatsapp/webhook/status-schema";
import { templateCategoryUpdateSchema, templateQualityUpdateSchema, templateStatusUpdateSchema } from "@/lib/whatsapp/webhook/template-schema";
import { userPreferenceSchema, userPreferencesValueSchema } from "@/lib/contacts/apply-user-preferences";

const dir = path.resolve(__dirname, "../../fixtures/meta");
const fixtures = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
const load = (file: string) => {
  const parsed = parseEnvelope(new Uint8Array(fs.readFileSync(path.join(dir, file))));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.envelope;
};
const messagesOf = (file: string): InboundMessage[] =>
  load(file).entry.flatMap((e) =>
    e.changes.flatMap((c) => (c.field === "messages" ? messagesValueSchema.parse(c.value).messages.map((m) => parseInboundMessage(m)!) : [])),
  );
const only = (file: string) => {
  const [m, ...rest] = messagesOf(file);
  expect(rest).toHaveLength(0);
  return m as InboundMessage & Record<string, unknown>;
};

describe("every webhook fixture parses", () => {
  it.each(fixtures)("%s", (file) => {
    const envelope = load(file);
    expect(envelope.object).toBe("whatsapp_business_account");
    for (const entry of envelope.entry) {
      for (const change of entry.changes) {
        if (change.field === "messages") {
          const value = messagesValueSchema.parse(change.value);
          expect(value.metadata.phone_number_id).toBe("118293746501928");
          for (const raw of value.messages) {
            const m = parseInboundMessage(raw)!;
            expect(m.type).toBe((raw as { type: string }).type); // never downgraded to unsupported
            expect(m).not.toHaveProperty("papo_parse_error");
          }
          for (const raw of value.statuses) expect(messageStatusSchema.safeParse(raw).success).toBe(true);
        } else if (change.field === "message_template_status_update") {
          expect(templateStatusUpdateSchema.parse(change.value).message_template_id).toMatch(/^\d+$/);
        } else if (change.field === "message_template_quality_update") {
          expect(templateQualityUpdateSchema.parse(change.value).new_quality_score).toBe("YELLOW");
        } else if (change.field === "template_category_update") {
          expect(templateCategoryUpdateSchema.parse(change.value)).toMatchObject({ previous_category: "UTILITY", new_category: "MARKETING" });
        } else if (change.field === "user_preferences") {
          const { user_preferences: items } = userPreferencesValueSchema.parse(change.value);
          expect(items.length).toBeGreaterThan(0);
          for (const item of items) expect(["stop", "resume"]).toContain(userPreferenceSchema.parse(item).value);
        } else {
          expect(change.field).toBe("account_update");
        }
      }
    }
  });
});

describe("shapes", () => {
  it("text keeps the decoded Unicode body and both identities", () => {
    const m = only("inbound_text.json");
    expect(m).toMatchObject({ type: "text", from: "5511987650001", from_user_id: "BR.1734820956128473", timestamp: 1790000000 });
    if (m.type === "text") expect(m.text.body).toBe("Olá! Vocês têm o tênis 42 em azul? 👟");
  });

  it("context: reply, forward, product; referral from an ad", () => {
    expect(only("inbound_text_reply_context.json").context).toMatchObject({ id: expect.stringMatching(/^wamid\./) });
    expect(only("inbound_text_forwarded.json").context).toMatchObject({ forwarded: true });
    expect(only("inbound_text_product_inquiry.json").context?.referred_product).toMatchObject({ catalog_id: expect.any(String) });
    expect(only("inbound_text_click_to_whatsapp_ad_referral.json").referral).toMatchObject({ source_type: "ad", ctwa_clid: expect.any(String) });
  });

  it("media types", () => {
    for (const [file, type] of [
      ["inbound_image.json", "image"],
      ["inbound_video.json", "video"],
      ["inbound_audio_voice_note.json", "audio"],
      ["inbound_document.json", "document"],
      ["inbound_sticker.json", "sticker"],
    ] as const) {
      const m = only(file);
      expect(m.type).toBe(type);
      expect(m[type]).toMatchObject({ id: expect.any(String), mime_type: expect.any(String) });
    }
    const audio = only("inbound_audio_voice_note.json");
    if (audio.type === "audio") expect(audio.audio.voice).toBe(true);
  });

  it("location, contacts, order", () => {
    const loc = only("inbound_location.json");
    if (loc.type !== "location") throw new Error("not location");
    expect(typeof loc.location.latitude).toBe("number");
    const card = only("inbound_contacts.json");
    if (card.type !== "contacts") throw new Error("not contacts");
    expect(card.contacts.length).toBeGreaterThan(0);
    const order = only("inbound_order.json");
    if (order.type !== "order") throw new Error("not order");
    expect(order.order.product_items[0]).toMatchObject({ quantity: expect.any(Number), currency: expect.any(String) });
  });

  it("interactive replies and template quick replies", () => {
    expect(only("inbound_interactive_button_reply.json")).toMatchObject({ interactive: { type: "button_reply", button_reply: { id: expect.any(String) } } });
    expect(only("inbound_interactive_list_reply.json")).toMatchObject({ interactive: { type: "list_reply", list_reply: { id: expect.any(String) } } });
    const flow = only("inbound_interactive_nfm_reply_flow.json");
    expect(flow).toMatchObject({ interactive: { type: "nfm_reply", nfm_reply: { response_json: expect.any(String) } } });
    expect(only("inbound_button_template_quick_reply.json")).toMatchObject({ type: "button", button: { payload: expect.any(String) } });
  });

  it("reactions: add and remove share a wamid; removal has no emoji", () => {
    const add = only("inbound_reaction.json");
    const removed = only("inbound_reaction_removed.json");
    expect(add.id).toBe(removed.id);
    if (add.type !== "reaction" || removed.type !== "reaction") throw new Error("not reactions");
    expect(add.reaction.emoji).toBeTruthy();
    expect(removed.reaction.emoji ?? "").toBe("");
  });

  it("system and unsupported (with its error)", () => {
    expect(only("inbound_system_user_changed_number.json")).toMatchObject({ type: "system", system: { type: "user_changed_number" } });
    expect(only("inbound_unsupported_with_errors.json")).toMatchObject({
      type: "unsupported",
      unsupported: { type: "poll_creation" },
      errors: [{ code: 131051 }],
    });
  });

  it("an unknown type, or a known type with a broken body, becomes unsupported instead of failing", () => {
    const base = { id: "wamid.X", from: "5511987650001", timestamp: "1790000000" };
    expect(parseInboundMessage({ ...base, type: "poll_update", poll_update: { x: 1 } })).toMatchObject({
      type: "unsupported",
      unsupported: { type: "poll_update" },
      poll_update: { x: 1 },
    });
    expect(parseInboundMessage({ ...base, type: "text", text: { nobody: true } })).toMatchObject({ type: "unsupported", unsupported: { type: "text" } });
    expect(parseInboundMessage({ ...base, type: "request_welcome" })).toMatchObject({ type: "request_welcome" });
    expect(parseInboundMessage({ type: "text", text: { body: "no id" } })).toBeNull();
  });

  it("a username user may come with no phone at all", () => {
    const m = parseInboundMessage({ id: "wamid.Y", from_user_id: "BR.1", timestamp: "1790000000", type: "text", text: { body: "oi" } });
    expect(m).toMatchObject({ type: "text", from_user_id: "BR.1" });
    expect(m).not.toHaveProperty("from");
  });

  it("statuses keep pricing and errors", () => {
    const [failed] = messagesValueSchema.parse(load("status_failed_131047_reengagement.json").entry[0].changes[0].value).statuses;
    expect(messageStatusSchema.parse(failed)).toMatchObject({ status: "failed", errors: [{ code: 131047, error_data: { details: expect.any(String) } }] });
    const [sent] = messagesValueSchema.parse(load("status_sent_marketing_pmp.json").entry[0].changes[0].value).statuses;
    expect(messageStatusSchema.parse(sent).pricing).toMatchObject({ pricing_model: "PMP", category: "marketing" });
  });
});
