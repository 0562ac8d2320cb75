import { z } from "zod";
import { roleEnum } from "@/db/schema";
import { addMember as addMemberToOrg } from "@/lib/members/add-member";
import { emailSchema } from "@/lib/users/sign-up";
import { parseFlags, requireFlags } from "../args";
import { assertEmbeddedDatabaseFree, findOrganizationBySlug, findUserByEmailOrThrow } from "../database";
import { usageErrorFromZod } from "../errors";
import type { Command } from "../types";

const roles = roleEnum.enumValues;
const input = z.object({
  org: z.string().trim().min(1),
  email: emailSchema,
  role: z.enum(roles, { error: `Use one of: ${roles.join(", ")}` }),
});

export const addMember: Command = {
  name: "add-member",
  summary: "Add an existing user to an organization with a role",
  usage: `Usage: papo add-member --org <slug> --email <email> --role <role> [--json]

Makes an existing user a member of the organization, without an invitation. Fails if they already are one
(change roles in the app's Members settings instead).

Options:
  --org <slug>        The organization's slug (required)
  --email <email>     Email of an existing user (required; see create-user)
  --role <role>       One of: ${roles.join(", ")} (required)
  --json              Print a JSON object instead of text
  --help              Show this help`,
  async run(args) {
    const values = parseFlags(args, { org: { type: "string" }, email: { type: "string" }, role: { type: "string" } });
    requireFlags(values, ["org", "email", "role"]);
    const parsed = input.safeParse({ org: values.org, email: values.email, role: values.role });
    if (!parsed.success) throw usageErrorFromZod(parsed.error, { org: "--org", email: "--email", role: "--role" });

    assertEmbeddedDatabaseFree();
    const org = await findOrganizationBySlug(parsed.data.org);
    const user = await findUserByEmailOrThrow(parsed.data.email);
    const membership = await addMemberToOrg(org.id, user.id, parsed.data.role);
    return {
      json: { membershipId: membership.id, organization: org.slug, email: user.email, role: membership.role },
      lines: [`Added ${user.email} to ${org.slug} as ${membership.role}.`],
    };
  },
};
