import type { ContactPanel } from "@/lib/inbox/get-contact-panel";
import type { TimelineEntry } from "@/lib/contacts/contact-timeline";

export type Field = { id: string; key: string; label: string; type: "text" | "number" | "date" | "boolean" | "choice"; options: string[]; required: boolean };
export type Stage = { id: string; key: string; name: string };
export type Consent = {
  optIn: "unknown" | "opted_in" | "opted_out";
  history: { id: string; state: string; source: string; evidence: Record<string, unknown>; actorName: string | null; at: string }[];
};
export type { ContactPanel, TimelineEntry };
export const contactsApi = (orgSlug: string, path = "") => `/api/v1/orgs/${encodeURIComponent(orgSlug)}/contacts${path}`;
