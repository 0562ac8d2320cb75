import { z } from "zod";

const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, "Not a valid header name");
const headerValue = z.string().max(4000).refine((v) => !/[\r\n]/.test(v), "A header value cannot hold a line break");

export const connectionName = z.string().trim().regex(/^[A-Za-z0-9_-]{1,60}$/, "Use letters, digits, _ and - (at most 60)");

const baseUrl = z
  .url({ protocol: /^https?$/, message: "The base URL must be an http(s) URL" })
  .max(2000)
  .refine((u) => !new URL(u).username && !new URL(u).password, "Put credentials in a header, not in the URL");

/** A new connection (Settings → Integrations): its headers are sealed at rest and never read back. */
export const createConnectionInput = z.object({ name: connectionName, baseUrl, headers: z.record(headerName, headerValue).default({}) }).strict();

/** A change: `headers` replaces all of them when given; absent keeps them. */
export const updateConnectionInput = z.object({ name: connectionName.optional(), baseUrl: baseUrl.optional(), headers: z.record(headerName, headerValue).optional() }).strict();

export type CreateConnectionInput = z.infer<typeof createConnectionInput>;
export type UpdateConnectionInput = z.infer<typeof updateConnectionInput>;
