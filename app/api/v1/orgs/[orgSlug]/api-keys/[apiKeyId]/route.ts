import { parseId } from "@/lib/api/parse-id";
import { withOrg } from "@/lib/api/route";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";

export const DELETE = withOrg<{ orgSlug: string; apiKeyId: string }>("apiKeys.manage", async ({ params, ctx }) => {
  await revokeApiKey(ctx, parseId(params.apiKeyId, "API key"));
  return { ok: true };
});
