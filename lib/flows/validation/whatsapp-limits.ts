/** WhatsApp's limits the editor checks (shared/meta/REFERENCE.md §3; same numbers as lib/whatsapp/graph LIMITS). */
export const WA_LIMITS = {
  textBody: 4096,
  caption: 1024,
  buttons: 3,
  buttonTitle: 20,
  interactiveBody: 1024,
  listBody: 4096,
  headerText: 60,
  footer: 60,
  listSections: 10,
  listRows: 10,
  rowTitle: 24,
  rowDescription: 72,
  sectionTitle: 24,
  listButton: 20,
} as const;

/** WhatsApp counts characters (code points), not UTF-16 units. */
export const charCount = (s: string) => Array.from(s).length;
