import { z } from "zod";
import { findUnsafeText } from "@/lib/api/find-unsafe-text";
import { AppError } from "@/lib/errors";

const uuid = z.uuid();
const day = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/** A condition on one custom field (`contacts.attributes[key]`). */
export const fieldCondition = z
  .object({
    key: z.string().regex(/^[a-zA-Z0-9_]{1,64}$/, "Use letters, digits and _ (up to 64)"),
    op: z.enum(["eq", "neq", "contains", "gt", "gte", "lt", "lte", "exists", "not_exists"]),
    value: z.union([z.string().max(200), z.number().finite(), z.boolean()]).optional(),
  })
  .refine((c) => c.op === "exists" || c.op === "not_exists" || c.value !== undefined, { message: "This condition needs a value", path: ["value"] })
  .refine((c) => !["gt", "gte", "lt", "lte"].includes(c.op) || typeof c.value !== "boolean", { message: "Compare numbers, dates or text", path: ["value"] });

/**
 * The one contact filter: the list API, the contacts page, segments, exports and (later) campaign audiences all
 * speak it, and lib/contacts/contact-filter-sql.ts is the only place that turns it into SQL. All conditions AND.
 */
export const contactFilterSchema = z
  .object({
    /** Search across name, profile name, number, business-scoped id, e-mail and custom-field values. */
    q: z.string().trim().max(100).optional(),
    /** Exactly these contacts (a hand-picked selection: the page's "export selected"). */
    ids: z.array(uuid).max(1000).optional(),
    /** Has at least one of these tags. */
    tagIds: z.array(uuid).max(50).optional(),
    /** Has none of these tags. */
    excludeTagIds: z.array(uuid).max(50).optional(),
    /** In one of these lifecycle stages; `null` in the list means "no stage". */
    stageIds: z.array(uuid.nullable()).max(50).optional(),
    consent: z.array(z.enum(["unknown", "opted_in", "opted_out"])).max(3).optional(),
    channelIds: z.array(uuid).max(50).optional(),
    blocked: z.boolean().optional(),
    createdFrom: day.optional(),
    createdTo: day.optional(),
    lastMessageFrom: day.optional(),
    lastMessageTo: day.optional(),
    fields: z.array(fieldCondition).max(20).optional(),
  })
  .strict();

export type ContactFilter = z.infer<typeof contactFilterSchema>;
export type FieldCondition = z.infer<typeof fieldCondition>;

/** Parses a filter passed as a JSON query parameter (`?filter={...}`): bad JSON is a 400, a bad shape a 422. */
export function parseFilterParam(raw: string | null): ContactFilter {
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "filter must be JSON");
  }
  const unsafe = findUnsafeText(value);
  if (unsafe) throw new AppError("invalid_input", `filter.${unsafe.path}: ${unsafe.reason}`, [{ path: `filter.${unsafe.path}`, message: unsafe.reason }]);
  return contactFilterSchema.parse(value);
}
