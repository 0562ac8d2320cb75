import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/db";
import { flowGlobals } from "@/db/schema";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

/**
 * Per-organization settings of the flow runtime, kept without a schema change in one reserved flow_globals row.
 * Its name contains ":", which a {{globals.x}} reference can never match, and loadGlobals() skips such rows, so a
 * flow can never read it. The AI key is stored encrypted (secret box), like channel tokens.
 */
export const RUNTIME_SETTINGS_GLOBAL = "papo:flow-runtime";

const stored = z.object({
  /** Admin opt-in: HTTP request nodes may call private / loopback / link-local addresses. */
  allowPrivateHttp: z.boolean().default(false),
  ai: z
    .object({
      /** An OpenAI-compatible base URL, e.g. https://api.openai.com/v1 (…/chat/completions is appended). */
      baseUrl: z.string().url(),
      model: z.string().min(1),
      apiKeyEncrypted: z.string().nullable().default(null),
    })
    .nullable()
    .default(null),
});

export type FlowRuntimeSettings = { allowPrivateHttp: boolean; ai: { baseUrl: string; model: string; apiKey: string | null } | null };

export async function getFlowRuntimeSettings(organizationId: string, db: Db | Tx = getDb()): Promise<FlowRuntimeSettings> {
  const [row] = await db
    .select({ value: flowGlobals.value })
    .from(flowGlobals)
    .where(and(eq(flowGlobals.organizationId, organizationId), eq(flowGlobals.name, RUNTIME_SETTINGS_GLOBAL)));
  let parsed: z.infer<typeof stored> = { allowPrivateHttp: false, ai: null };
  try {
    if (row) parsed = stored.parse(JSON.parse(row.value));
  } catch {
    // A damaged row means "nothing allowed, nothing configured": the safe reading.
  }
  return {
    allowPrivateHttp: parsed.allowPrivateHttp,
    ai: parsed.ai ? { baseUrl: parsed.ai.baseUrl, model: parsed.ai.model, apiKey: parsed.ai.apiKeyEncrypted ? decryptSecret(parsed.ai.apiKeyEncrypted) : null } : null,
  };
}

/** Replaces the organization's runtime settings (callers check `flows.manage`-like permissions). */
export async function setFlowRuntimeSettings(organizationId: string, settings: FlowRuntimeSettings, db: Db | Tx = getDb()): Promise<void> {
  const value = JSON.stringify({
    allowPrivateHttp: settings.allowPrivateHttp,
    ai: settings.ai ? { baseUrl: settings.ai.baseUrl, model: settings.ai.model, apiKeyEncrypted: settings.ai.apiKey ? encryptSecret(settings.ai.apiKey) : null } : null,
  });
  await db
    .insert(flowGlobals)
    .values({ organizationId, name: RUNTIME_SETTINGS_GLOBAL, value })
    .onConflictDoUpdate({ target: [flowGlobals.organizationId, flowGlobals.name], set: { value, updatedAt: new Date() } });
}
