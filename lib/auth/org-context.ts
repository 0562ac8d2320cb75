import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { memberships, organizations, type Organization, type Role } from "@/db/schema";
import { scopeFor, scopesAllow } from "@/lib/api-keys/scopes";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { Actor } from "./actor";
import { roleCan, type Permission } from "./permissions";

export type OrgContext = {
  org: Organization;
  role: Role;
  actor: Actor;
  /** The person acting, when it is a person (API keys have none). */
  userId: string | null;
  can: (permission: Permission) => boolean;
  /** Throws 403 unless the caller holds the permission. */
  authorize: (permission: Permission) => void;
};

/**
 * The organization as the caller may see it: loaded together with the caller's own membership, so a non-member
 * learns nothing — not even that the organization exists (404, never 403).
 */
export async function loadOrgContext(actor: Actor, slug: string): Promise<OrgContext> {
  const db = getDb();
  let org: Organization | undefined;
  let role: Role | undefined;
  if (actor.type === "user") {
    const [row] = await db
      .select({ org: organizations, role: memberships.role })
      .from(organizations)
      .innerJoin(memberships, eq(memberships.organizationId, organizations.id))
      .where(and(eq(organizations.slug, slug), isNull(organizations.deletedAt), eq(memberships.userId, actor.userId)))
      .limit(1);
    org = row?.org;
    role = row?.role;
  } else {
    const [row] = await db
      .select()
      .from(organizations)
      .where(and(eq(organizations.slug, slug), eq(organizations.id, actor.organizationId), isNull(organizations.deletedAt)))
      .limit(1);
    org = row;
    role = actor.role;
  }
  if (!org || !role) throw notFound("Organization");
  const scopes = actor.type === "apiKey" ? (actor.scopes ?? null) : null;
  const can = (permission: Permission) => roleCan(role, permission) && scopesAllow(scopes, permission);
  return {
    org,
    role,
    actor,
    userId: actor.type === "user" ? actor.userId : null,
    can,
    authorize: (permission) => {
      if (roleCan(role, permission) && !scopesAllow(scopes, permission)) {
        throw new AppError("insufficient_scope", `This API key lacks the scope ${scopeFor(permission)}`);
      }
      if (!can(permission)) throw forbidden();
    },
  };
}
