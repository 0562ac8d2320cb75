import type { Role } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { roles } from "@/lib/auth/permissions";

/**
 * Roles this member may hand out (invite, change a role, create an API key), mirroring the server's rule:
 * only owners grant "owner", and nobody grants more than they hold. The server still has the last word.
 */
export function assignableRoles(ctx: Pick<OrgContext, "can" | "role">): Role[] {
  const rank = roles.length - roles.indexOf(ctx.role);
  return roles.filter((role) => {
    if (role === "owner") return ctx.can("members.manageOwners");
    return roles.length - roles.indexOf(role) <= rank;
  });
}
