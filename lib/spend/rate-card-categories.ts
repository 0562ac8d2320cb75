/** The categories a rate card prices (Meta's CSV columns); `service` is charged only where a card prints it. */
export const rateCardCategories = ["marketing", "utility", "authentication", "authentication_international", "service"] as const;
export type RateCardCategory = (typeof rateCardCategories)[number];

/**
 * A `pricing.category` from a status webhook → the card category it is priced at, or null when it names no card
 * column (`referral_conversion`: a free entry point). Meta spells authentication-international both ways;
 * `marketing_lite` (Marketing Messages API) is priced at the marketing rate, the only one the cards print.
 */
export function toRateCardCategory(value: unknown): RateCardCategory | null {
  if (typeof value !== "string") return null;
  const v = value.toLowerCase().replace(/-/g, "_");
  if (v === "marketing_lite") return "marketing";
  return (rateCardCategories as readonly string[]).includes(v) ? (v as RateCardCategory) : null;
}
