import type { Role } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { forbidden } from "@/lib/errors";

const rank: Record<Role, number> = { viewer: 0, agent: 1, admin: 2, owner: 3 };

/** Nobody hands out more power than they hold, and only owners make (or unmake) owners. */
export function assertCanGrantRole(ctx: OrgContext, role: Role) {
  if (role === "owner" && !ctx.can("members.manageOwners")) throw forbidden("Only owners can grant the owner role");
  if (rank[role] > rank[ctx.role]) throw forbidden("You cannot grant a role above your own");
}
