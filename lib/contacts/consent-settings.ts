import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { contactConsentSettings, type ContactConsentSettings } from "@/db/schema";

export type ConsentSettings = {
  optOutKeywords: string[];
  optInKeywords: string[];
  optOutConfirmation: string;
  optInConfirmation: string;
};

/** Used while an organization has not set its own (no row, or a column left null). EN and PT words together. */
export const DEFAULT_CONSENT_SETTINGS: ConsentSettings = {
  optOutKeywords: ["STOP", "UNSUBSCRIBE", "SAIR", "PARAR", "CANCELAR", "DESCADASTRAR"],
  optInKeywords: ["START", "VOLTAR"],
  optOutConfirmation:
    "You will no longer receive marketing messages from us. Reply START to subscribe again. / Você não receberá mais mensagens de marketing. Responda VOLTAR para voltar a receber.",
  optInConfirmation: "You are subscribed to our messages again. / Você voltou a receber nossas mensagens.",
};

/** The effective settings: the organization's row over the defaults, column by column. */
export function consentSettingsOf(row: Partial<ContactConsentSettings> | null | undefined): ConsentSettings {
  return {
    optOutKeywords: row?.optOutKeywords ?? DEFAULT_CONSENT_SETTINGS.optOutKeywords,
    optInKeywords: row?.optInKeywords ?? DEFAULT_CONSENT_SETTINGS.optInKeywords,
    optOutConfirmation: row?.optOutConfirmation ?? DEFAULT_CONSENT_SETTINGS.optOutConfirmation,
    optInConfirmation: row?.optInConfirmation ?? DEFAULT_CONSENT_SETTINGS.optInConfirmation,
  };
}

export async function getConsentSettings(db: Db | Tx, organizationId: string): Promise<ConsentSettings> {
  const [row] = await db.select().from(contactConsentSettings).where(eq(contactConsentSettings.organizationId, organizationId));
  return consentSettingsOf(row);
}
