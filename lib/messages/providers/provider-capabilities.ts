import type { ChannelProvider } from "./provider-send-request";

/**
 * What a kind of number can do, in one place for the composer, flows, sends and the UI: the official Cloud API has
 * templates, the 24-hour customer-service window and per-message pricing; an Evolution (WhatsApp Web) number has
 * none of them, draws buttons and lists as numbered text, and is unofficial (WhatsApp may ban it).
 */
export type ProviderCapabilities = { templates: boolean; window: boolean; pricing: boolean; interactive: "native" | "numbered_text"; official: boolean };

export function providerCapabilities(provider: ChannelProvider): ProviderCapabilities {
  if (provider === "evolution") return { templates: false, window: false, pricing: false, interactive: "numbered_text", official: false };
  return { templates: true, window: true, pricing: provider === "cloud", interactive: "native", official: true };
}
