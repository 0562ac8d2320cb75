import { z } from "zod";

const KEY = /^[a-z][a-z0-9_]{0,39}$/;

const options = z.array(z.string().trim().min(1).max(80)).max(50);

/** A custom field definition as the API takes it. The key is what flows use: `{{contact.<key>}}`. */
export const customFieldInput = z
  .object({
    key: z.string().regex(KEY, "Use lowercase letters, digits and _ (start with a letter, at most 40)"),
    label: z.string().trim().min(1, "Give the field a label").max(80),
    type: z.enum(["text", "number", "date", "boolean", "choice"]),
    options: options.optional(),
    required: z.boolean().optional(),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict()
  .refine((f) => f.type !== "choice" || (f.options?.length ?? 0) > 0, { path: ["options"], message: "A choice field needs options" });

/** The key and type are fixed once created (values already stored depend on them). */
export const customFieldPatch = z
  .object({ label: z.string().trim().min(1).max(80).optional(), options: options.optional(), required: z.boolean().optional(), position: z.number().int().min(0).max(1000).optional() })
  .strict();

export type CustomFieldInput = z.infer<typeof customFieldInput>;
export type CustomFieldPatch = z.infer<typeof customFieldPatch>;
