import type { Locale } from "@/lib/i18n/locales";
import { appointmentReschedule } from "./appointment-reschedule";
import { PLACEHOLDER_CONNECTION, type GalleryEntry, type GalleryEntryId, type GalleryFlow } from "./gallery-entry";
import { identifyCustomer } from "./identify-customer";
import { optOutConfirmation } from "./opt-out-confirmation";
import { secondCopyOfBill } from "./second-copy-of-bill";

/** The gallery in the order Flows → New shows it. */
export const flowGallery: GalleryEntry[] = [identifyCustomer, secondCopyOfBill, appointmentReschedule, optOutConfirmation];

/** Whether the entry's HTTP nodes call the organization's system (the dialog then asks which connection). */
export const needsConnection = (id: GalleryEntryId) => id !== "opt-out-confirmation";

/** The flow to create for an entry, in the user's language, naming `connection` (or the flagged placeholder). */
export function buildGalleryFlow(id: GalleryEntryId, locale: Locale, connection?: string): GalleryFlow {
  const entry = flowGallery.find((e) => e.id === id);
  if (!entry) throw new Error(`Unknown gallery entry ${id}`);
  return entry.build(locale, connection?.trim() || PLACEHOLDER_CONNECTION);
}
