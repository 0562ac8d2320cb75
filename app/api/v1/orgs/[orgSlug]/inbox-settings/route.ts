import { readJson, withOrg } from "@/lib/api/route";
import { getInboxSettings, updateInboxSettings, updateInboxSettingsInput } from "@/lib/inbox/inbox-settings";

export const GET = withOrg("conversations.read", async ({ ctx }) => ({ settings: await getInboxSettings(ctx.org.id) }));

export const PATCH = withOrg("org.update", async ({ req, ctx }) => ({
  settings: await updateInboxSettings(ctx, await readJson(req, updateInboxSettingsInput)),
}));
