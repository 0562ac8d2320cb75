import { z } from "zod";

const PLACEHOLDER = /\{(to|message|secret|id)\}/g;

/** An http(s) URL once its placeholders are filled: `{to}` etc. may sit anywhere in the path or query. */
const urlTemplate = z
  .string()
  .trim()
  .min(1, "Give the gateway's URL")
  .max(2000)
  .refine((u) => {
    try {
      return ["http:", "https:"].includes(new URL(u.replace(PLACEHOLDER, "x")).protocol);
    } catch {
      return false;
    }
  }, "The URL must be an http(s) URL (placeholders {to}, {message}, {secret}, {id} allowed)");

const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, "Not a valid header name");
const headerValue = z.string().max(2000).refine((v) => !/[\r\n]/.test(v), "A header value cannot hold a line break");

/**
 * The SMS gateway form (Settings → SMS gateway, `PUT …/sms-gateway`). `secret`: a new value replaces the stored
 * one, `null` clears it, absent keeps it (the API never returns it).
 */
export const smsGatewayInput = z
  .object({
    method: z.enum(["GET", "POST", "PUT"]).default("POST"),
    urlTemplate,
    headers: z.record(headerName, headerValue).refine((h) => Object.keys(h).length <= 20, "At most 20 headers").default({}),
    bodyTemplate: z.string().max(10_000).nullable().optional(),
    secret: z.string().min(1).max(2000).nullable().optional(),
  })
  .strict();

export type SmsGatewayInput = z.infer<typeof smsGatewayInput>;
