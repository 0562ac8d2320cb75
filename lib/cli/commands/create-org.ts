import { z } from "zod";
import { getDb } from "@/db";
import { createOrganization, organizationNameSchema } from "@/lib/organizations/create-organization";
import { emailSchema } from "@/lib/users/sign-up";
import { parseFlags, requireFlags } from "../args";
import { assertEmbeddedDatabaseFree, findUserByEmailOrThrow } from "../database";
import { usageErrorFromZod } from "../errors";
import type { Command } from "../types";

const input = z.object({ name: organizationNameSchema, owner: emailSchema });

export const createOrg: Command = {
  name: "create-org",
  summary: "Create an organization owned by an existing user",
  usage: `Usage: papo create-org --name <name> --owner <email> [--json]

Creates an organization with the given user as its owner and prints its slug: other commands address the
organization by slug (--org <slug>). The slug is derived from the name and made unique.

Options:
  --name <name>       Organization name, 2–80 characters (required)
  --owner <email>     Email of an existing user, who becomes the owner (required; see create-user)
  --json              Print a JSON object instead of text
  --help              Show this help`,
  async run(args) {
    const values = parseFlags(args, { name: { type: "string" }, owner: { type: "string" } });
    requireFlags(values, ["name", "owner"]);
    const parsed = input.safeParse({ name: values.name, owner: values.owner });
    if (!parsed.success) throw usageErrorFromZod(parsed.error, { name: "--name", owner: "--owner" });

    assertEmbeddedDatabaseFree();
    const owner = await findUserByEmailOrThrow(parsed.data.owner);
    const org = await getDb().transaction((tx) => createOrganization(tx, { name: parsed.data.name, ownerUserId: owner.id }));
    return {
      json: { id: org.id, slug: org.slug, name: org.name, ownerEmail: owner.email },
      lines: [`Created organization ${org.name} (slug ${org.slug}, id ${org.id}), owned by ${owner.email}.`],
    };
  },
};
