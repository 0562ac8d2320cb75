import { z } from "zod";
import { AppError } from "@/lib/errors";

const date = z.iso.datetime({ offset: true }).or(z.iso.date());
export const contactListFilterSchema = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  tag: z.uuid().optional(),
  /** A lifecycle stage id, or `none` for contacts without a stage. */
  stage: z.union([z.uuid(), z.literal("none")]).optional(),
  consent: z.enum(["unknown", "opted_in", "opted_out"]).optional(),
  channelId: z.uuid().optional(),
  blocked: z.enum(["true", "false"]).optional(),
  createdAfter: date.optional(),
  createdBefore: date.optional(),
  lastMessageAfter: date.optional(),
  lastMessageBefore: date.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(200).optional(),
});

export type FieldCondition = { key: string; op: "eq" | "gte" | "lte" | "contains" | "set" | "unset"; value: string };
export type ContactListFilter = z.infer<typeof contactListFilterSchema> & { fields: FieldCondition[] };

const FIELD_PARAM = /^field\.([a-z][a-z0-9_]{0,39})(?::(eq|gte|lte|contains|set|unset))?$/;

/**
 * The list's query string: the plain filters, plus custom-field conditions as `field.<key>=<value>` (equals) or
 * `field.<key>:<op>=<value>` with op gte, lte (numbers and dates), contains (text), set / unset (value ignored).
 */
export function parseContactListFilter(params: URLSearchParams): ContactListFilter {
  const plain: Record<string, string> = {};
  const fields: FieldCondition[] = [];
  for (const [k, v] of params) {
    const m = FIELD_PARAM.exec(k);
    if (m) {
      if (v.length > 200) throw new AppError("invalid_input", `${k}: at most 200 characters`, [{ path: k, message: "At most 200 characters" }]);
      fields.push({ key: m[1], op: (m[2] as FieldCondition["op"]) ?? "eq", value: v });
    } else if (k in contactListFilterSchema.shape) plain[k] = v;
  }
  if (fields.length > 10) throw new AppError("invalid_input", "At most 10 field conditions", [{ path: "field", message: "At most 10 field conditions" }]);
  return { ...contactListFilterSchema.parse(plain), fields };
}
