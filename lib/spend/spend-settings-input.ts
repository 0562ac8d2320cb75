import { z } from "zod";
import { decimalToMicros } from "./decimal-to-micros";

/** PATCH …/spend/settings: the monthly budget as a decimal string of the currency ("150.00"), or null for none. */
export const spendSettingsInput = z
  .object({
    monthlyBudget: z
      .string()
      .max(20)
      .nullable()
      .transform((v, c) => {
        if (v === null || v.trim() === "") return null;
        const micros = decimalToMicros(v);
        if (micros === null || micros <= 0) {
          c.addIssue({ code: "custom", message: "A positive amount such as 150.00" });
          return z.NEVER;
        }
        return micros;
      })
      .optional(),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, "A 3-letter currency code")
      .transform((v) => v.toUpperCase())
      .optional(),
  })
  .strict();
