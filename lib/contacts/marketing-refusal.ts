import type { Contact } from "@/db/schema/contacts";

export type SendRefusal = { code: "contact_opted_out" | "contact_blocked"; message: string };

type Category = "marketing" | "utility" | "authentication" | "service";

/**
 * Why a send of this category to this contact must not go, or null when it may. The one answer for the inbox
 * composer, the API, notifications and campaigns: blocked contacts get nothing; an opted-out contact gets no
 * marketing, while utility, authentication and service messages still go.
 */
export function sendRefusal(contact: Pick<Contact, "optIn" | "blocked">, category: Category): SendRefusal | null {
  if (contact.blocked) return { code: "contact_blocked", message: "This contact is blocked: nothing is sent to them" };
  if (category === "marketing" && contact.optIn === "opted_out") {
    return { code: "contact_opted_out", message: "This contact opted out of marketing messages" };
  }
  return null;
}
