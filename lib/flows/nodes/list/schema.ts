import { z } from "zod";
import { EXIT, type ExitHandle } from "../exit-handle";
import { itemId, optionalVariableName } from "../item-id";

/** An interactive list: sections of rows (≤ 10 rows in all). Each row is an exit (handle id = row id) + "fallback". */
export const listData = z.object({
  body: z.string().default(""),
  header: z.string().default(""),
  footer: z.string().default(""),
  /** The label of the button that opens the list. */
  button: z.string().default("Options"),
  sections: z
    .array(
      z.object({
        id: itemId,
        title: z.string().default(""),
        rows: z.array(z.object({ id: itemId, title: z.string().default(""), description: z.string().default("") })).default([]),
      }),
    )
    .default([]),
  variable: optionalVariableName,
  retryMessage: z.string().default("Please choose one of the options."),
  maxRetries: z.number().int().min(0).max(10).default(1),
});
export type ListData = z.infer<typeof listData>;

export function listExits(data: ListData): ExitHandle[] {
  return [...data.sections.flatMap((s) => s.rows.map((r) => ({ id: r.id, label: r.title }))), { id: EXIT.fallback }];
}

export function listDefaultData(): ListData {
  const r = () => Math.random().toString(36).slice(2, 8);
  return {
    body: "",
    header: "",
    footer: "",
    button: "Options",
    sections: [{ id: `s${r()}`, title: "", rows: [{ id: `r${r()}`, title: "", description: "" }] }],
    variable: "",
    retryMessage: "Please choose one of the options.",
    maxRetries: 1,
  };
}
