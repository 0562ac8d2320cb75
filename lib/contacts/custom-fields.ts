import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { contactCustomFields, type ContactCustomField } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { conflict, notFound } from "@/lib/errors";
import type { CustomFieldInput, CustomFieldPatch } from "./custom-field-input";
import { liveCustomFields } from "./custom-field-values";

/** Reserved: `{{contact.<key>}}` resolves these from the contact's own columns first. */
const RESERVED = new Set(["name", "phone", "email", "id", "wa_id", "stage", "tags", "opt_in", "blocked"]);

export const customFieldView = (f: ContactCustomField) => ({
  id: f.id,
  key: f.key,
  label: f.label,
  type: f.type,
  options: f.options,
  required: f.required,
  position: f.position,
});

export async function listCustomFields(organizationId: string) {
  return (await liveCustomFields(getDb(), organizationId)).map(customFieldView);
}

export async function createCustomField(ctx: OrgContext, input: CustomFieldInput) {
  if (RESERVED.has(input.key)) throw conflict(`"${input.key}" is a built-in contact field`, "key");
  return getDb().transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: contactCustomFields.id })
      .from(contactCustomFields)
      .where(and(eq(contactCustomFields.organizationId, ctx.org.id), eq(contactCustomFields.key, input.key), isNull(contactCustomFields.deletedAt)));
    if (existing) throw conflict("A field with this key exists", "key");
    const [row] = await tx
      .insert(contactCustomFields)
      .values({ organizationId: ctx.org.id, key: input.key, label: input.label, type: input.type, options: input.type === "choice" ? (input.options ?? []) : [], required: input.required ?? false, position: input.position ?? 0 })
      .returning();
    await recordAudit(tx, ctx, { action: "contact_field.create", targetType: "contact_field", targetId: row.id, metadata: { key: row.key, type: row.type } });
    return customFieldView(row);
  });
}

export async function updateCustomField(ctx: OrgContext, fieldId: string, patch: CustomFieldPatch) {
  return getDb().transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(contactCustomFields)
      .where(and(eq(contactCustomFields.organizationId, ctx.org.id), eq(contactCustomFields.id, fieldId), isNull(contactCustomFields.deletedAt)))
      .for("update");
    if (!current) throw notFound("Custom field");
    if (patch.options && current.type !== "choice") throw conflict("Only choice fields have options", "options");
    if (patch.options && patch.options.length === 0) throw conflict("A choice field needs options", "options");
    const [row] = await tx
      .update(contactCustomFields)
      .set({ ...patch })
      .where(and(eq(contactCustomFields.organizationId, ctx.org.id), eq(contactCustomFields.id, fieldId)))
      .returning();
    await recordAudit(tx, ctx, { action: "contact_field.update", targetType: "contact_field", targetId: fieldId, metadata: { ...patch } });
    return customFieldView(row);
  });
}

/** Soft delete: the values stay in contacts.attributes (as plain attributes) so nothing is lost by a misclick. */
export async function deleteCustomField(ctx: OrgContext, fieldId: string) {
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(contactCustomFields)
      .set({ deletedAt: new Date() })
      .where(and(eq(contactCustomFields.organizationId, ctx.org.id), eq(contactCustomFields.id, fieldId), isNull(contactCustomFields.deletedAt)))
      .returning();
    if (!row) throw notFound("Custom field");
    await recordAudit(tx, ctx, { action: "contact_field.delete", targetType: "contact_field", targetId: fieldId, metadata: { key: row.key } });
  });
}
