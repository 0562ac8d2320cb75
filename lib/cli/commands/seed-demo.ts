import { env } from "@/lib/env";
import { seedDemo as seed } from "@/lib/seed/seed-demo";
import { parseFlags } from "../args";
import { assertEmbeddedDatabaseFree } from "../database";
import type { Command } from "../types";

export const seedDemo: Command = {
  name: "seed-demo",
  summary: "On an empty database, create a demo organization, owner and sandbox number",
  usage: `Usage: papo seed-demo [--json]

On a database without organizations, creates the "Demo" organization, its owner (demo@papo.local, with a
generated password printed once) and a sandbox WhatsApp number. Does nothing when any organization exists,
so it is safe to repeat and never touches a real install. Run migrate first.

Options:
  --json    Print a JSON object instead of text
  --help    Show this help`,
  async run(args) {
    parseFlags(args, {});
    assertEmbeddedDatabaseFree();
    const { created, login } = await seed();
    if (!created || !login) {
      return {
        json: { created: false },
        lines: [
          "Nothing to do: the database already has an organization, so no demo was created.",
          ...(login && env().embedded ? [`The earlier demo login is saved in ${env().dataDir}/demo-login.json.`] : []),
        ],
      };
    }
    return {
      json: { created: true, email: login.email, password: login.password, organization: login.organizationSlug },
      lines: [
        `Created the demo organization (slug ${login.organizationSlug}).`,
        `Sign in at ${env().publicUrl}/sign-in`,
        `Email:     ${login.email}`,
        `Password:  ${login.password}   (generated; ${env().embedded ? `also saved in ${env().dataDir}/demo-login.json` : "shown only now"})`,
      ],
    };
  },
};
