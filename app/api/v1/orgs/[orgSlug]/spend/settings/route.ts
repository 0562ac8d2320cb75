import { getDb } from "@/db";
import { readJson, withOrg } from "@/lib/api/route";
import { getSpendSettings } from "@/lib/spend/get-spend-settings";
import { spendSettingsInput } from "@/lib/spend/spend-settings-input";
import { updateSpendSettings } from "@/lib/spend/update-spend-settings";

export const GET = withOrg("spend.read", async ({ ctx }) => ({ settings: await getSpendSettings(getDb(), ctx.org.id) }));

export const PATCH = withOrg("spend.manage", async ({ req, ctx }) => ({
  settings: await updateSpendSettings(ctx, await readJson(req, spendSettingsInput)),
}));
