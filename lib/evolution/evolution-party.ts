/**
 * The customer's phone (digits) of a chat JID, or null: `5511…@s.whatsapp.net` → `5511…`; a LID chat (`…@lid`)
 * uses its phone alternative when the gateway sent one. Groups are not a party (the sender is `participant`).
 */
export function phoneOfJid(jid: string | null | undefined): string | null {
  if (!jid) return null;
  const [user, server] = jid.split("@");
  if (server !== "s.whatsapp.net" && server !== "c.us") return null;
  const digits = user.split(":")[0].replace(/\D/g, "");
  return digits.length >= 6 && digits.length <= 15 ? digits : null;
}

export const isGroupJid = (jid: string) => jid.endsWith("@g.us");

/** Who wrote, as digits: the chat's phone, else its LID alternative, else (in a group) the participant. */
export function senderPhone(key: { remoteJid: string; participant?: string | null; remoteJidAlt?: string | null; senderPn?: string | null }): string | null {
  if (isGroupJid(key.remoteJid)) return phoneOfJid(key.participant) ?? phoneOfJid(key.senderPn);
  return phoneOfJid(key.remoteJid) ?? phoneOfJid(key.remoteJidAlt) ?? phoneOfJid(key.senderPn);
}
