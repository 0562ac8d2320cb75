import { readJson, withOrg } from "@/lib/api/route";
import { presenceInput } from "@/lib/api/openapi/organization";
import { listPresence } from "@/lib/inbox/list-presence";
import { setPresence } from "@/lib/inbox/set-presence";

export const GET = withOrg("conversations.read", async ({ ctx }) => ({ agents: await listPresence(ctx.org.id) }));

export const PUT = withOrg("conversations.reply", async ({ req, ctx }) => ({
  presence: await setPresence(ctx, (await readJson(req, presenceInput)).status),
}));
