import { z } from "zod";

/**
 * A template as the author writes it, before it becomes Meta's `components[]` (draft-to-components.ts). The same
 * schema parses the form on the client and the request body on the server; it only fixes the shape (types, sane
 * upper bounds so nothing huge is stored). Meta's rules — lengths, counts, variables, examples — are the lint's job
 * (lint-template-draft.ts), so a half-written draft still parses and every problem is reported next to its field.
 */
export const templateCategories = ["MARKETING", "UTILITY", "AUTHENTICATION"] as const;
export type TemplateCategory = (typeof templateCategories)[number];

export const headerMediaTypes = ["image", "video", "document"] as const;

const text = (max: number) => z.string().max(max);
/** Example values keyed by placeholder ("1", "first_name"). */
const examples = z.record(z.string().max(100), z.string().max(2000)).default({});

export const templateHeaderSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }),
  z.object({ type: z.literal("text"), text: text(4000), examples }),
  /** `handle`: the sample's handle from the resumable upload (POST …/template-media), what Meta reviews. */
  z.object({ type: z.enum(headerMediaTypes), handle: text(4000).default("") }),
  z.object({ type: z.literal("location") }),
]);

export const templateButtonSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("quick_reply"), text: text(200) }),
  /** A `{{1}}` at the end of `url` is the dynamic suffix; `example` is a full URL with a sample suffix. */
  z.object({ type: z.literal("url"), text: text(200), url: text(4000), example: text(4000).default("") }),
  z.object({ type: z.literal("phone_number"), text: text(200), phoneNumber: text(100) }),
  /** Marketing: "copy offer code"; `example` is the sample code. */
  z.object({ type: z.literal("copy_code"), example: text(200) }),
  /** Authentication only: the one-time password's copy-code button. */
  z.object({ type: z.literal("otp"), text: text(200).default("") }),
]);

export const templateDraftSchema = z.object({
  name: text(600),
  category: z.enum(templateCategories),
  /** Meta's locale code: en_US, pt_BR, es… */
  language: text(20),
  parameterFormat: z.enum(["positional", "named"]).default("positional"),
  header: templateHeaderSchema.default({ type: "none" }),
  body: z.object({ text: text(8000).default(""), examples }).default({ text: "", examples: {} }),
  footer: text(1000).default(""),
  buttons: z.array(templateButtonSchema).max(20).default([]),
  /** Authentication only: Meta writes the body ("{{1}} is your verification code."). */
  authentication: z
    .object({ addSecurityRecommendation: z.boolean().default(true), codeExpirationMinutes: z.number().int().min(0).max(1000).nullable().default(10) })
    .default({ addSecurityRecommendation: true, codeExpirationMinutes: 10 }),
});

export type TemplateDraft = z.infer<typeof templateDraftSchema>;
export type TemplateDraftInput = z.input<typeof templateDraftSchema>;
export type TemplateHeader = z.infer<typeof templateHeaderSchema>;
export type TemplateButton = z.infer<typeof templateButtonSchema>;

/** An empty draft (the New form's starting point). */
export function emptyTemplateDraft(language = "en_US"): TemplateDraft {
  return templateDraftSchema.parse({ name: "", category: "UTILITY", language });
}
