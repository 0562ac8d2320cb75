import { interpolate } from "../variables/interpolate";
import type { VariableScope } from "../variables/variable-scope";

/**
 * A text with its {{variables}} filled in, cut to WhatsApp's limit: a customer's long answer interpolated into a
 * title must not turn a valid message into one Meta (or our own send validation) refuses.
 */
export function renderText(text: string, scope: VariableScope, max: number): string {
  const chars = Array.from(interpolate(text, scope).trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("");
}
