import { z } from "zod";
import { EXIT, type ExitHandle } from "../exit-handle";

/**
 * Sends an approved template (the only thing allowed outside the 24-hour window). Parameters are texts with
 * {{variables}}, positional ({{1}}, {{2}} …) unless every one has a `name` (named templates).
 */
export const sendTemplateData = z.object({
  name: z.string().default(""),
  language: z.string().default("pt_BR"),
  headerParameters: z.array(z.object({ name: z.string().default(""), value: z.string().default("") })).default([]),
  bodyParameters: z.array(z.object({ name: z.string().default(""), value: z.string().default("") })).default([]),
});
export type SendTemplateData = z.infer<typeof sendTemplateData>;

export function sendTemplateExits(): ExitHandle[] {
  return [{ id: EXIT.next }];
}

export function sendTemplateDefaultData(): SendTemplateData {
  return { name: "", language: "pt_BR", headerParameters: [], bodyParameters: [] };
}
