import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { contacts, lifecycleStages, type LifecycleStage } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, conflict, notFound } from "@/lib/errors";

const COLOR = z.string().trim().regex(/^[a-z]{3,12}$|^#[0-9a-f]{6}$/i);
export const stageInput = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lowercase letters, digits and _ (start with a letter)"),
    name: z.string().trim().min(1, "Name the stage").max(60),
    position: z.number().int().min(0).max(1000).optional(),
    color: COLOR.optional(),
  })
  .strict();
export const stagePatch = z.object({ name: z.string().trim().min(1).max(60).optional(), position: z.number().int().min(0).max(1000).optional(), color: COLOR.optional() }).strict();

export const stageView = (s: LifecycleStage) => ({ id: s.id, key: s.key, name: s.name, position: s.position, color: s.color });

export async function listLifecycleStages(organizationId: string) {
  const rows = await getDb()
    .select()
    .from(lifecycleStages)
    .where(and(eq(lifecycleStages.organizationId, organizationId), isNull(lifecycleStages.deletedAt)))
    .orderBy(lifecycleStages.position, lifecycleStages.createdAt);
  return rows.map(stageView);
}

export async function createLifecycleStage(ctx: OrgContext, input: z.infer<typeof stageInput>) {
  return getDb().transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: lifecycleStages.id })
      .from(lifecycleStages)
      .where(and(eq(lifecycleStages.organizationId, ctx.org.id), eq(lifecycleStages.key, input.key), isNull(lifecycleStages.deletedAt)));
    if (taken) throw conflict("A stage with this key exists", "key");
    const [row] = await tx.insert(lifecycleStages).values({ organizationId: ctx.org.id, ...input }).returning();
    await recordAudit(tx, ctx, { action: "lifecycle_stage.create", targetType: "lifecycle_stage", targetId: row.id, metadata: { key: row.key, name: row.name } });
    return stageView(row);
  });
}

export async function updateLifecycleStage(ctx: OrgContext, stageId: string, patch: z.infer<typeof stagePatch>) {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(lifecycleStages)
      .set(patch)
      .where(and(eq(lifecycleStages.organizationId, ctx.org.id), eq(lifecycleStages.id, stageId), isNull(lifecycleStages.deletedAt)))
      .returning();
    if (!row) throw notFound("Lifecycle stage");
    await recordAudit(tx, ctx, { action: "lifecycle_stage.update", targetType: "lifecycle_stage", targetId: stageId, metadata: { ...patch } });
    return stageView(row);
  });
}

/** Soft delete; contacts in the stage lose it (no stage), in the same transaction. */
export async function deleteLifecycleStage(ctx: OrgContext, stageId: string) {
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(lifecycleStages)
      .set({ deletedAt: new Date() })
      .where(and(eq(lifecycleStages.organizationId, ctx.org.id), eq(lifecycleStages.id, stageId), isNull(lifecycleStages.deletedAt)))
      .returning();
    if (!row) throw notFound("Lifecycle stage");
    const moved = await tx
      .update(contacts)
      .set({ lifecycleStageId: null })
      .where(and(eq(contacts.organizationId, ctx.org.id), eq(contacts.lifecycleStageId, stageId)))
      .returning({ id: contacts.id });
    await recordAudit(tx, ctx, { action: "lifecycle_stage.delete", targetType: "lifecycle_stage", targetId: stageId, metadata: { key: row.key, contacts: moved.length } });
  });
}

/** A stage id of this organization (404 otherwise): contacts may only point at their own organization's stages. */
export async function assertStage(db: Pick<ReturnType<typeof getDb>, "select">, organizationId: string, stageId: string) {
  const [row] = await db
    .select({ id: lifecycleStages.id })
    .from(lifecycleStages)
    .where(and(eq(lifecycleStages.organizationId, organizationId), eq(lifecycleStages.id, stageId), isNull(lifecycleStages.deletedAt)));
  if (!row) throw new AppError("invalid_input", "lifecycleStageId: no such lifecycle stage", [{ path: "lifecycleStageId", message: "No such lifecycle stage" }]);
}
