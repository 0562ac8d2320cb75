import type { IntegrationConnection } from "@/db/schema";

/** A connection as the API shows it: the header names, never their values. */
export type ConnectionView = { id: string; name: string; baseUrl: string; headerNames: string[]; updatedAt: string };

export function toConnectionView(c: IntegrationConnection): ConnectionView {
  return { id: c.id, name: c.name, baseUrl: c.baseUrl, headerNames: c.headerNames, updatedAt: c.updatedAt.toISOString() };
}
