import { getDb } from "@/db";
import { readJson, withOrg } from "@/lib/api/route";
import { getConsentSettings } from "@/lib/contacts/consent-settings";
import { consentSettingsInput, updateConsentSettings } from "@/lib/contacts/update-consent-settings";

export const GET = withOrg("contacts.read", async ({ ctx }) => ({ settings: await getConsentSettings(getDb(), ctx.org.id) }));

export const PUT = withOrg("contacts.manage", async ({ req, ctx }) => ({ settings: await updateConsentSettings(ctx, await readJson(req, consentSettingsInput)) }));
