import { z } from "zod";
import { EXIT, type ExitHandle } from "../exit-handle";
import { itemId, optionalVariableName } from "../item-id";

/** Reply buttons (≤ 3). Each button is an exit whose handle id is the button id; "fallback" after the re-prompts. */
export const buttonsData = z.object({
  body: z.string().default(""),
  header: z.string().default(""),
  footer: z.string().default(""),
  buttons: z.array(z.object({ id: itemId, title: z.string().default("") })).default([]),
  /** Store the chosen button's title in this flow variable ("" = don't). */
  variable: optionalVariableName,
  /** Sent (then the buttons again) when the reply matches no button. */
  retryMessage: z.string().default("Please choose one of the options."),
  /** Re-prompts before leaving through "fallback". */
  maxRetries: z.number().int().min(0).max(10).default(1),
});
export type ButtonsData = z.infer<typeof buttonsData>;

export function buttonsExits(data: ButtonsData): ExitHandle[] {
  return [...data.buttons.map((b) => ({ id: b.id, label: b.title })), { id: EXIT.fallback }];
}

export function buttonsDefaultData(): ButtonsData {
  return {
    body: "",
    header: "",
    footer: "",
    buttons: [{ id: `b${Math.random().toString(36).slice(2, 8)}`, title: "" }],
    variable: "",
    retryMessage: "Please choose one of the options.",
    maxRetries: 1,
  };
}
