import { pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { organizations } from "./organizations";

/**
 * A named connection to one of the organization's own systems (Settings → Integrations): a base URL and headers.
 * The headers (API keys, tokens) are sealed together (lib/crypto) and never returned by the API, only their
 * names; a flow's HTTP node names the connection, so no secret is ever typed into a flow.
 */
export const integrationConnections = pgTable(
  "integration_connections",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    baseUrl: text("base_url").notNull(),
    /** Sealed JSON `Record<string, string>`. */
    headersEncrypted: text("headers_encrypted"),
    /** The header names, readable: what the settings page lists (the values stay sealed). */
    headerNames: text("header_names").array().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("integration_connections_org_name_key").on(t.organizationId, t.name)],
);

export type IntegrationConnection = typeof integrationConnections.$inferSelect;
