import { z } from "zod";

/** Meta's error object (messages[].errors, statuses[].errors, value.errors). */
export const metaErrorSchema = z.looseObject({
  code: z.coerce.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});
export type MetaError = z.infer<typeof metaErrorSchema>;

/** Unix seconds, sent as a string by Meta (numbers accepted too). */
export const unixSeconds = z.union([z.string().regex(/^\d+$/), z.number().int()]).transform((v) => Number(v));
