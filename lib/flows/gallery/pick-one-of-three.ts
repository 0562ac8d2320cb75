import { edge, node, type GalleryGraph } from "./gallery-entry";

/**
 * A list message of the items a system returned, at most three (a list node's rows are fixed, so the count picks
 * the list with that many rows — an empty row would be refused by WhatsApp). `countVar` holds how many came;
 * `titleVar(k)` / `descriptionVar(k)` name item k's (1-based) variables. Row k leaves to `chosen(k)`; none came →
 * `none`; no pick → `fallback`. Node ids start with `prefix`.
 */
export function pickOneOfThree(args: {
  prefix: string;
  col: number;
  row: number;
  countVar: string;
  titleVar: (k: number) => string;
  descriptionVar?: (k: number) => string;
  body: string;
  button: string;
  retry: string;
  chosen: (k: number) => string;
  none: string;
  /** Where a customer who picks nothing (after the re-prompt) goes. */
  fallback: string;
}): { graph: GalleryGraph; entry: string } {
  const p = args.prefix;
  const count = `${p}count`;
  const rule = (id: string, n: number) => ({ id, label: String(n), combinator: "and", comparisons: [{ id: `${id}_c`, left: args.countVar, operator: "equals", right: String(n) }] });
  const list = (n: number) =>
    node(`${p}list${n}`, "list", args.col + 1, args.row + n - 1, {
      body: args.body,
      button: args.button,
      retryMessage: args.retry,
      maxRetries: 1,
      sections: [
        {
          id: "items",
          title: "",
          rows: Array.from({ length: n }, (_, i) => ({ id: `item${i + 1}`, title: `{{${args.titleVar(i + 1)}}}`, description: args.descriptionVar ? `{{${args.descriptionVar(i + 1)}}}` : "" })),
        },
      ],
    });
  const lists = [1, 2, 3].map(list);
  return {
    entry: count,
    graph: {
      nodes: [node(count, "condition", args.col, args.row, { rules: [rule("none", 0), rule("one", 1), rule("two", 2)] }), ...lists],
      edges: [
        edge(count, args.none, "none"),
        edge(count, `${p}list1`, "one"),
        edge(count, `${p}list2`, "two"),
        edge(count, `${p}list3`, "else"),
        ...lists.map((l) => edge(l.id, args.fallback, "fallback")),
        ...lists.flatMap((l, i) => Array.from({ length: i + 1 }, (_, k) => edge(l.id, args.chosen(k + 1), `item${k + 1}`))),
      ],
    },
  };
}
