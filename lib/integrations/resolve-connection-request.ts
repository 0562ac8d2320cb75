import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { integrationConnections } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { HttpRequestSpec } from "@/lib/flows/engine/engine-types";

/**
 * An HTTP node's request that names a connection, made whole at the moment of the call: the node's URL is a path
 * under the connection's base URL, and the connection's (decrypted) headers are added over the node's own. Nothing
 * of it is stored: the flow, the session and the step's result hold the name only. Null for an unknown name.
 */
export async function resolveConnectionRequest(organizationId: string, request: HttpRequestSpec & { connection?: string }): Promise<HttpRequestSpec | null> {
  if (!request.connection) return request;
  const [c] = await getDb()
    .select()
    .from(integrationConnections)
    .where(and(eq(integrationConnections.organizationId, organizationId), eq(integrationConnections.name, request.connection)));
  if (!c) return null;
  const headers = { ...request.headers, ...(c.headersEncrypted ? (JSON.parse(decryptSecret(c.headersEncrypted)) as Record<string, string>) : {}) };
  const { connection: _omit, ...rest } = request; // eslint-disable-line @typescript-eslint/no-unused-vars
  return { ...rest, url: joinUrl(c.baseUrl, request.url), headers };
}

/** `https://erp.example/api/` + `/customers?phone=…` → one slash between them; an empty path is the base URL. */
export function joinUrl(base: string, path: string): string {
  const p = path.trim();
  if (!p) return base;
  return `${base.replace(/\/+$/, "")}/${p.replace(/^\/+/, "")}`;
}
