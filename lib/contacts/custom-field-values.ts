import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db";
import { contactCustomFields, type ContactCustomField } from "@/db/schema";
import { AppError } from "@/lib/errors";

type FieldDef = Pick<ContactCustomField, "key" | "label" | "type" | "options" | "required">;
export type AttributeValue = string | number | boolean | null;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The zod schema of one custom field's value (null clears it). */
export function fieldValueSchema(def: FieldDef): z.ZodType<AttributeValue> {
  const base =
    def.type === "number"
      ? z.number().finite()
      : def.type === "boolean"
        ? z.boolean()
        : def.type === "date"
          ? z.string().regex(DATE, "Use a date as YYYY-MM-DD").refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "Not a real date")
          : def.type === "choice"
            ? z.string().refine((v) => def.options.includes(v), `Choose one of: ${def.options.join(", ")}`)
            : z.string().max(1000);
  return base.nullable() as z.ZodType<AttributeValue>;
}

/**
 * The schema of a contact's `attributes`, built from the organization's custom field definitions: each defined key
 * holds a value of its type (required fields may not be missing or null); other keys stay free short strings (the
 * attributes agents and flows set before custom fields existed). At most 50 keys.
 */
export function attributesSchema(defs: FieldDef[]) {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  return z
    .record(z.string().min(1).max(60), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
    .superRefine((attrs, ctx) => {
      if (Object.keys(attrs).length > 50) ctx.addIssue({ code: "custom", message: "A contact has at most 50 attributes" });
      for (const [key, value] of Object.entries(attrs)) {
        const def = byKey.get(key);
        if (!def) {
          if (typeof value !== "string" && value !== null) ctx.addIssue({ code: "custom", path: [key], message: "Only custom fields hold numbers or yes/no values" });
          continue;
        }
        const r = fieldValueSchema(def).safeParse(value);
        if (!r.success) ctx.addIssue({ code: "custom", path: [key], message: `${def.label}: ${r.error.issues[0]?.message ?? "invalid"}` });
        else if (def.required && value === null) ctx.addIssue({ code: "custom", path: [key], message: `${def.label} is required` });
      }
      for (const def of defs) {
        if (def.required && !(def.key in attrs)) ctx.addIssue({ code: "custom", path: [def.key], message: `${def.label} is required` });
      }
    });
}

export async function liveCustomFields(db: Db | Tx, organizationId: string): Promise<ContactCustomField[]> {
  return db
    .select()
    .from(contactCustomFields)
    .where(and(eq(contactCustomFields.organizationId, organizationId), isNull(contactCustomFields.deletedAt)))
    .orderBy(contactCustomFields.position, contactCustomFields.createdAt);
}

/** Validates attributes against the organization's fields (422 with the field path) and drops null values. */
export async function validateAttributes(db: Db | Tx, organizationId: string, attributes: Record<string, AttributeValue>): Promise<Record<string, Exclude<AttributeValue, null>>> {
  const result = attributesSchema(await liveCustomFields(db, organizationId)).safeParse(attributes);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: ["attributes", ...i.path].join("."), message: i.message }));
    throw new AppError("invalid_input", issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues);
  }
  const parsed = result.data;
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== null)) as Record<string, Exclude<AttributeValue, null>>;
}
