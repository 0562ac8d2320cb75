import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { integrationConnections } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { AppError, notFound } from "@/lib/errors";
import type { CreateConnectionInput, UpdateConnectionInput } from "./connection-input";
import { toConnectionView, type ConnectionView } from "./connection-view";

const sealHeaders = (headers: Record<string, string>) => ({
  headersEncrypted: Object.keys(headers).length ? encryptSecret(JSON.stringify(headers)) : null,
  headerNames: Object.keys(headers),
});

export async function listConnections(organizationId: string): Promise<ConnectionView[]> {
  const rows = await getDb().select().from(integrationConnections).where(eq(integrationConnections.organizationId, organizationId)).orderBy(asc(integrationConnections.name));
  return rows.map(toConnectionView);
}

/** Creates a named connection (names are unique per organization: a taken one is a 409), audited. */
export async function createConnection(ctx: OrgContext, input: CreateConnectionInput): Promise<ConnectionView> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(integrationConnections)
      .values({ organizationId: ctx.org.id, name: input.name, baseUrl: input.baseUrl, ...sealHeaders(input.headers) })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("conflict", `A connection named ${input.name} already exists`, [{ path: "name", message: "This name is taken" }]);
    await recordAudit(tx, ctx, { action: "integration.created", targetType: "integration", targetId: row.id, metadata: { name: row.name } });
    return toConnectionView(row);
  });
}

export async function updateConnection(ctx: OrgContext, id: string, input: UpdateConnectionInput): Promise<ConnectionView> {
  if (input.name === undefined && input.baseUrl === undefined && input.headers === undefined) throw new AppError("bad_request", "Nothing to change");
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(integrationConnections)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.baseUrl !== undefined ? { baseUrl: input.baseUrl } : {}),
        ...(input.headers !== undefined ? sealHeaders(input.headers) : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(integrationConnections.organizationId, ctx.org.id), eq(integrationConnections.id, id)))
      .returning();
    if (!row) throw notFound("Connection");
    await recordAudit(tx, ctx, { action: "integration.updated", targetType: "integration", targetId: row.id, metadata: { name: row.name, headersChanged: input.headers !== undefined } });
    return toConnectionView(row);
  });
}

export async function deleteConnection(ctx: OrgContext, id: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [row] = await tx.delete(integrationConnections).where(and(eq(integrationConnections.organizationId, ctx.org.id), eq(integrationConnections.id, id))).returning();
    if (!row) throw notFound("Connection");
    await recordAudit(tx, ctx, { action: "integration.deleted", targetType: "integration", targetId: id, metadata: { name: row.name } });
  });
}
