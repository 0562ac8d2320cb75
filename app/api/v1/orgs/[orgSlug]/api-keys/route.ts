import { readJson, withOrg } from "@/lib/api/route";
import { createApiKey, createApiKeyInput } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";

export const GET = withOrg("apiKeys.manage", async ({ ctx }) => ({ apiKeys: await listApiKeys(ctx.org.id) }));

export const POST = withOrg("apiKeys.manage", async ({ req, ctx }) => {
  const { apiKey, token } = await createApiKey(ctx, await readJson(req, createApiKeyInput));
  return Response.json(
    {
      apiKey: { id: apiKey.id, name: apiKey.name, prefix: apiKey.prefix, role: apiKey.role, scopes: apiKey.scopes, expiresAt: apiKey.expiresAt, createdAt: apiKey.createdAt },
      token,
    },
    { status: 201 },
  );
});
