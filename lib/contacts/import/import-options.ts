import { z } from "zod";

/** What a column becomes: a contact field, a custom field (`field:<key>`), or nothing. */
export const importTarget = z.union([z.enum(["phone", "name", "email", "consent", "tags", "ignore"]), z.string().regex(/^field:[a-zA-Z0-9_]{1,64}$/)]);

export const importOptionsInput = z
  .object({
    /** Column index (as a string, "0", "1", …) → target. Exactly one column is the phone. */
    mapping: z.record(z.string().regex(/^\d{1,3}$/), importTarget).refine((m) => Object.values(m).filter((t) => t === "phone").length === 1, "Map exactly one column to the phone number"),
    duplicates: z.enum(["skip", "fill", "overwrite"]).default("fill"),
    tagIds: z.array(z.uuid()).max(20).default([]),
  })
  .strict();

export type ImportOptionsInput = z.infer<typeof importOptionsInput>;
