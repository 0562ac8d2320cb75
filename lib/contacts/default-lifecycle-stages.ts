import type { Db, Tx } from "@/db";
import { lifecycleStages } from "@/db/schema";

/** The stages every organization starts with (the migration seeds the same ones for organizations that existed). */
export const DEFAULT_LIFECYCLE_STAGES = [
  { key: "lead", name: "Lead", position: 0, color: "blue" },
  { key: "customer", name: "Customer", position: 1, color: "green" },
  { key: "inactive", name: "Inactive", position: 2, color: "gray" },
] as const;

export async function seedLifecycleStages(tx: Db | Tx, organizationId: string): Promise<void> {
  await tx
    .insert(lifecycleStages)
    .values(DEFAULT_LIFECYCLE_STAGES.map((s) => ({ ...s, organizationId })))
    .onConflictDoNothing();
}
