import { or, type SQL } from "drizzle-orm";
import { MESSAGE_SEARCH_MIN } from "./message-search-text";
import { searchContactCondition } from "./search-contact-condition";
import { searchTextCondition } from "./search-text-condition";

/**
 * The inbox search (`q`): conversations whose contact matches (name, profile name, phone) or, from three
 * characters on, that hold a message or an internal note containing the words. A phone-looking search stays on the
 * phone only.
 */
export async function searchCondition(organizationId: string, q: string): Promise<{ condition: SQL; needsJoin: boolean }> {
  const contact = await searchContactCondition(organizationId, q);
  if (q.length < MESSAGE_SEARCH_MIN || isPhoneLike(q)) return contact;
  const text = await searchTextCondition(organizationId, q);
  return { condition: or(contact.condition, text)!, needsJoin: contact.needsJoin };
}

function isPhoneLike(q: string): boolean {
  return q.replace(/\D/g, "").length >= 4 && /^[\d\s+().-]+$/.test(q);
}
