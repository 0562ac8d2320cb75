/**
 * Micro-units as money in the reader's locale ("US$ 0.0625", "US$ 0,0625"). The amount is handed to Intl as a
 * decimal string, so no float ever rounds a price; up to 4 decimals, since Meta's prices go that fine.
 */
export function formatMoney(micros: number, currency: string, locale: string, maximumFractionDigits = 4): string {
  const sign = micros < 0 ? "-" : "";
  const s = String(Math.abs(micros)).padStart(7, "0");
  const decimal = `${sign}${s.slice(0, -6)}.${s.slice(-6)}`;
  const format = new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "symbol", minimumFractionDigits: 2, maximumFractionDigits });
  return format.format(decimal as unknown as number);
}
