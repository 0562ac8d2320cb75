import { describe, expect, it } from "vitest";
import { evolutionToCloudValue } from "@/lib/evolution/evolution-to-cloud-value";
import { baileysMessage, envelope, type CustomerMessage } from "@/tests/support/evolution-mock";

const CHANNEL = "7b4770a5-26ba-4e04-b962-4dc087ae86eb";
const inst = { name: "loja", ownerJid: "5511955550123@s.whatsapp.net", token: "T" };
const upsert = (m: CustomerMessage, key: Record<string, unknown> = { remoteJid: "5511987650001@s.whatsapp.net", fromMe: false, id: "3EB0AA" }) =>
  envelope("messages.upsert", inst, { key, pushName: "Maria", ...baileysMessage(m), messageTimestamp: 1764770000 }, "http://evo", "http://papo");
const messageOf = (body: unknown, allowGroups = false) => evolutionToCloudValue(body, CHANNEL, { allowGroups }).messages[0];

describe("Evolution webhooks → the Cloud API's messages change", () => {
  it("names the channel's own phone_number_id and the customer as contact", () => {
    const v = evolutionToCloudValue(upsert({ text: "Oi" }), CHANNEL);
    expect(v.metadata.phone_number_id).toBe(`evo-${CHANNEL}`);
    expect(v.contacts).toEqual([{ wa_id: "5511987650001", profile: { name: "Maria" } }]);
    expect(v.messages).toEqual([{ id: "3EB0AA", from: "5511987650001", timestamp: "1764770000", type: "text", text: { body: "Oi" } }]);
  });

  it("translates every inbound kind", () => {
    expect(messageOf(upsert({ text: "Olá", extended: true }))).toMatchObject({ type: "text", text: { body: "Olá" } });
    expect(messageOf(upsert({ buttonReply: { id: "confirm", title: "Confirmar" } }))).toMatchObject({ type: "interactive", interactive: { type: "button_reply", button_reply: { id: "confirm", title: "Confirmar" } } });
    expect(messageOf(upsert({ listReply: { id: "express", title: "Expressa" } }))).toMatchObject({ type: "interactive", interactive: { type: "list_reply", list_reply: { id: "express", title: "Expressa" } } });
    expect(messageOf(upsert({ location: { latitude: -23.56, longitude: -46.65, name: "Loja" } }))).toMatchObject({ type: "location", location: { latitude: -23.56, longitude: -46.65, name: "Loja" } });
    expect(messageOf(upsert({ reaction: { messageId: "3EB0BB", emoji: "👍" } }))).toMatchObject({ type: "reaction", reaction: { message_id: "3EB0BB", emoji: "👍" } });
    // Media: the message's key id stands as the media id (the gateway decrypts it by that id).
    expect(messageOf(upsert({ image: { caption: "nota" } }))).toMatchObject({ id: "3EB0AA", type: "image", image: { id: "3EB0AA", mime_type: "image/jpeg", caption: "nota" } });
    const card = envelope("messages.upsert", inst, { key: { remoteJid: "5511987650001@s.whatsapp.net", fromMe: false, id: "3EB0CC" }, message: { contactMessage: { displayName: "Ana", vcard: "BEGIN:VCARD\nTEL;type=CELL;waid=5511955550199:+55 11 95555-0199\nEND:VCARD" } } }, "", "");
    expect(messageOf(card)).toMatchObject({ type: "contacts", contacts: [{ name: { formatted_name: "Ana" }, phones: [{ phone: "+5511955550199", wa_id: "5511955550199" }] }] });
  });

  it("leaves out the linked phone's own messages, and groups unless allowed (then the participant writes)", () => {
    expect(evolutionToCloudValue(upsert({ text: "eu mesmo" }, { remoteJid: "5511987650001@s.whatsapp.net", fromMe: true, id: "X" }), CHANNEL).messages).toEqual([]);
    const group = upsert({ text: "oi grupo" }, { remoteJid: "120363041967849074@g.us", fromMe: false, id: "G1", participant: "5511911112222@s.whatsapp.net" });
    expect(evolutionToCloudValue(group, CHANNEL).messages).toEqual([]);
    expect(messageOf(group, true)).toMatchObject({ from: "5511911112222", text: { body: "oi grupo" } });
    const lid = upsert({ text: "via lid" }, { remoteJid: "123456789012345@lid", remoteJidAlt: "5511933334444@s.whatsapp.net", fromMe: false, id: "L1" });
    expect(messageOf(lid)).toMatchObject({ from: "5511933334444" });
  });

  it("maps Papo's sends and the acks to Meta's statuses", () => {
    const sent = envelope("send.message", inst, { key: { remoteJid: "5511987650001@s.whatsapp.net", fromMe: true, id: "3EB0S" }, status: "PENDING", message: { conversation: "x" }, messageTimestamp: 1764770001 }, "", "");
    expect(evolutionToCloudValue(sent, CHANNEL).statuses).toEqual([{ id: "3EB0S", status: "sent", timestamp: "1764770001", recipient_id: "5511987650001", evolution_echo_text: "x" }]);
    const ack = (status: string, fromMe = true) =>
      evolutionToCloudValue(envelope("messages.update", inst, { messageId: "m", keyId: "3EB0S", remoteJid: "5511987650001@s.whatsapp.net", fromMe, status, instanceId: "i" }, "", ""), CHANNEL).statuses;
    expect(ack("SERVER_ACK")[0]).toMatchObject({ id: "3EB0S", status: "sent" });
    expect(ack("DELIVERY_ACK")[0]).toMatchObject({ status: "delivered" });
    expect(ack("READ")[0]).toMatchObject({ status: "read" });
    expect(ack("PLAYED")[0]).toMatchObject({ status: "read" });
    expect(ack("ERROR")[0]).toMatchObject({ status: "failed", errors: [{ code: 131000 }] });
    expect(ack("PENDING")).toEqual([]);
    expect(ack("READ", false)).toEqual([]);
  });

  it("throws on a body that is not an Evolution webhook", () => {
    expect(() => evolutionToCloudValue({ object: "whatsapp_business_account" }, CHANNEL)).toThrow();
    expect(() => evolutionToCloudValue({ event: "messages.upsert", instance: "loja", data: { key: {} } }, CHANNEL)).toThrow();
  });
});
