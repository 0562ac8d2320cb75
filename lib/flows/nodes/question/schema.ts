import { z } from "zod";
import { EXIT, type ExitHandle } from "../exit-handle";
import { variableName } from "../item-id";

export const questionKinds = ["text", "number", "email", "phone", "date", "cpf", "cnpj", "document", "regex"] as const;
export type QuestionKind = (typeof questionKinds)[number];

/**
 * Asks, validates the answer by kind, stores it in `variable` and leaves through "next"; after `maxTries` invalid
 * answers it leaves through "gave_up". `document` accepts a CPF or a CNPJ. `pattern` is used by kind "regex".
 */
export const questionData = z.object({
  prompt: z.string().default(""),
  kind: z.enum(questionKinds).default("text"),
  variable: z.union([z.literal(""), variableName]).default(""),
  pattern: z.string().default(""),
  /** Region assumed for phone numbers written without +country code. */
  defaultCountry: z.string().length(2).default("BR"),
  retryMessage: z.string().default("Sorry, I didn't understand. Please try again."),
  /** Invalid answers accepted before "gave_up" (the first answer counts as a try). */
  maxTries: z.number().int().min(1).max(10).default(3),
});
export type QuestionData = z.infer<typeof questionData>;

export function questionExits(): ExitHandle[] {
  return [{ id: EXIT.next }, { id: EXIT.gaveUp }];
}

export function questionDefaultData(): QuestionData {
  return {
    prompt: "",
    kind: "text",
    variable: "",
    pattern: "",
    defaultCountry: "BR",
    retryMessage: "Sorry, I didn't understand. Please try again.",
    maxTries: 3,
  };
}
