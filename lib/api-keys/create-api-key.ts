import { z } from "zod";
import { getDb } from "@/db";
import { apiKeys, roleEnum, type ApiKey } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";
import { hashToken, randomToken } from "@/lib/crypto/tokens";
import { assertCanGrantRole } from "@/lib/members/assert-can-grant-role";
import { scopeSchema } from "./scopes";

export const API_KEY_PREFIX = "papo_sk_";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(80, "Use at most 80 characters"),
  role: z.enum(roleEnum.enumValues),
  /** Absent: everything the role allows. */
  scopes: z.array(scopeSchema).min(1, "Choose at least one scope").max(100).optional(),
  /** Absent: the key never expires. */
  expiresAt: z.iso
    .datetime({ offset: true, error: "Use an ISO 8601 date-time" })
    .refine((v) => Date.parse(v) > Date.now(), "The expiry must be in the future")
    .optional(),
});

/** Returns the key once; only its hash is stored, so it can never be shown again. */
export async function createApiKey(
  ctx: Pick<OrgContext, "org" | "actor" | "userId"> & Partial<Pick<OrgContext, "can" | "role">>,
  input: z.infer<typeof createApiKeyInput>,
): Promise<{ apiKey: ApiKey; token: string }> {
  if (ctx.can && ctx.role) assertCanGrantRole(ctx as OrgContext, input.role);
  const token = randomToken(API_KEY_PREFIX);
  return getDb().transaction(async (tx) => {
    const [apiKey] = await tx
      .insert(apiKeys)
      .values({
        organizationId: ctx.org.id,
        name: input.name,
        prefix: token.slice(0, API_KEY_PREFIX.length + 6),
        keyHash: hashToken(token),
        role: input.role,
        scopes: input.scopes ? [...new Set(input.scopes)] : null,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        createdById: ctx.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "api_key.created",
      targetType: "api_key",
      targetId: apiKey.id,
      metadata: { name: apiKey.name, role: apiKey.role, prefix: apiKey.prefix, scopes: apiKey.scopes, expiresAt: apiKey.expiresAt },
    });
    return { apiKey, token };
  });
}
