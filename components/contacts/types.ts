import type { ContactFilter } from "@/lib/contacts/contact-filter";
import type { ContactListItem } from "@/lib/contacts/list-contacts";

export type { ContactFilter, ContactListItem };
export type Option = { id: string; name: string };
export type CustomFieldOption = { key: string; label: string; type: "text" | "number" | "date" | "boolean" | "choice"; options: string[] };
export type SegmentOption = { id: string; name: string; filter: ContactFilter };

/** What the page hands the client: the organization's vocabulary for filters and bulk actions. */
export type ContactsContext = {
  slug: string;
  canManage: boolean;
  tags: Option[];
  stages: Option[];
  channels: Option[];
  fields: CustomFieldOption[];
  segments: SegmentOption[];
};
