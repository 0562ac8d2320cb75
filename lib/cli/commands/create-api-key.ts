import { z } from "zod";
import { roleEnum } from "@/db/schema";
import { createApiKey as createKey, createApiKeyInput } from "@/lib/api-keys/create-api-key";
import { parseFlags, requireFlags } from "../args";
import { assertEmbeddedDatabaseFree, findOrganizationBySlug, firstOwnerId } from "../database";
import { usageErrorFromZod } from "../errors";
import type { Command } from "../types";

const roles = roleEnum.enumValues;
const input = createApiKeyInput.extend({
  org: z.string().trim().min(1),
  role: z.enum(roles, { error: `Use one of: ${roles.join(", ")}` }),
});

export const createApiKey: Command = {
  name: "create-api-key",
  summary: "Create an API key for an organization and print it (once)",
  usage: `Usage: papo create-api-key --org <slug> --name <name> --role <role> [--json]

Creates an API key acting for the organization with a fixed role, and prints the key. Only its hash is
stored: this is the one time it is shown. Use it as "Authorization: Bearer <key>". The key is recorded as
created by the organization's first owner.

Options:
  --org <slug>        The organization's slug (required)
  --name <name>       A label to tell keys apart, e.g. "CRM sync" (required)
  --role <role>       One of: ${roles.join(", ")} (required)
  --json              Print a JSON object instead of text ({"token": …} for scripts)
  --help              Show this help

Example:
  KEY=$(npm run --silent papo -- create-api-key --org acme --name ci --role agent --json | jq -r .token)`,
  async run(args) {
    const values = parseFlags(args, { org: { type: "string" }, name: { type: "string" }, role: { type: "string" } });
    requireFlags(values, ["org", "name", "role"]);
    const parsed = input.safeParse({ org: values.org, name: values.name, role: values.role });
    if (!parsed.success) throw usageErrorFromZod(parsed.error, { org: "--org", name: "--name", role: "--role" });

    assertEmbeddedDatabaseFree();
    const org = await findOrganizationBySlug(parsed.data.org);
    const ownerId = await firstOwnerId(org);
    const { apiKey, token } = await createKey(
      { org, actor: { type: "user", userId: ownerId }, userId: ownerId },
      { name: parsed.data.name, role: parsed.data.role },
    );
    return {
      json: { id: apiKey.id, organization: org.slug, name: apiKey.name, role: apiKey.role, prefix: apiKey.prefix, token },
      lines: [
        `Created API key "${apiKey.name}" (${apiKey.role}) for ${org.slug} (id ${apiKey.id}).`,
        `Key (shown only now; store it safely): ${token}`,
      ],
    };
  },
};
