/**
 * One way out of a node: the React Flow source-handle id an edge must carry (`edge.sourceHandle`), plus the label
 * the canvas can show for item exits (a button's title, a list row's title, a rule's name). Fixed exits ("next",
 * "else", "success", …) carry no label: the editor translates them by id.
 */
export type ExitHandle = { id: string; label?: string };

/** Fixed exit ids. Item exits (buttons, rows, rules) use the item's own `id`, which must not be one of these. */
export const EXIT = {
  next: "next",
  fallback: "fallback",
  else: "else",
  success: "success",
  failure: "failure",
  timeout: "timeout",
  gaveUp: "gave_up",
  reply: "reply",
} as const;

export const RESERVED_EXIT_IDS: ReadonlySet<string> = new Set(Object.values(EXIT));

/** The handle id an edge leaves from: React Flow stores `null` for a node's single unnamed handle, which means "next". */
export function edgeHandle(sourceHandle: string | null | undefined): string {
  return sourceHandle ?? EXIT.next;
}
