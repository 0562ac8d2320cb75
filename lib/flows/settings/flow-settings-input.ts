import { z } from "zod";

/**
 * A global's name as `{{globals.<name>}}` can reference it: the engine's VARIABLE_PATTERN accepts letters, digits and
 * "_" after `globals.`. That also keeps ":" out, which marks the reserved settings row (`papo:flow-runtime`).
 */
export const flowGlobalName = z
  .string()
  .trim()
  .min(1, "Enter a name")
  .max(64, "Use at most 64 characters")
  .regex(/^[A-Za-z0-9_]+$/, "Use only letters, digits and _ (it is used as {{globals.name}})");

export const flowGlobalValue = z.string().max(2000, "Use at most 2,000 characters");

export const createFlowGlobalInput = z.object({ name: flowGlobalName, value: flowGlobalValue });
export const updateFlowGlobalInput = z.object({ value: flowGlobalValue });

const httpUrl = z
  .string()
  .trim()
  .url("Enter a valid URL")
  .refine((u) => /^https?:\/\//i.test(u), "Use an http:// or https:// URL");

/**
 * PATCH body of the flow settings. Omitted fields stay as they are. `ai: null` clears the AI endpoint; inside `ai`,
 * an omitted `apiKey` keeps the stored key, `null` or "" removes it, a string replaces it (write-only).
 */
export const updateFlowSettingsInput = z
  .object({
    allowPrivateAddresses: z.boolean().optional(),
    ai: z
      .object({
        baseUrl: httpUrl,
        model: z.string().trim().min(1, "Enter a model").max(200, "Use at most 200 characters"),
        apiKey: z.string().max(500, "Use at most 500 characters").nullable().optional(),
      })
      .nullable()
      .optional(),
  })
  .strict();

export type UpdateFlowSettingsInput = z.infer<typeof updateFlowSettingsInput>;
