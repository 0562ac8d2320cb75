import { z } from "zod";
import { EXIT, type ExitHandle } from "../exit-handle";
import { itemId, optionalVariableName, variableName } from "../item-id";

/**
 * Calls an HTTP endpoint (URL, headers and body may contain {{variables}}), maps fields of a JSON response into
 * variables (`path` like `data.items.0.name`; empty path = the whole body) and leaves through "success" (2xx) or
 * "failure" (other status, timeout, network error, blocked address).
 */
export const httpRequestData = z.object({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).default("GET"),
  url: z.string().default(""),
  /**
   * A named connection of the organization (Settings → Integrations): `url` is then a path under its base URL and
   * its secret headers are added when the request is made, so no secret is typed into the flow.
   */
  connection: z.string().max(60).default(""),
  headers: z.array(z.object({ id: itemId, name: z.string().default(""), value: z.string().default("") })).default([]),
  /** JSON text with {{variables}}; sent for POST/PUT/PATCH when not empty. */
  body: z.string().default(""),
  timeoutMs: z.number().int().min(100).max(30_000).default(10_000),
  responseMappings: z
    .array(z.object({ id: itemId, path: z.string().default(""), variable: z.union([z.literal(""), variableName]).default("") }))
    .default([]),
  /** Stores the HTTP status code ("" = don't). */
  statusVariable: optionalVariableName,
});
export type HttpRequestData = z.infer<typeof httpRequestData>;

export function httpRequestExits(): ExitHandle[] {
  return [{ id: EXIT.success }, { id: EXIT.failure }];
}

export function httpRequestDefaultData(): HttpRequestData {
  return { method: "GET", url: "", connection: "", headers: [], body: "", timeoutMs: 10_000, responseMappings: [], statusVariable: "" };
}
