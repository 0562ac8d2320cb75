import { z } from "zod";
import { permissions, type Permission } from "@/lib/auth/permissions";

/**
 * API key scopes: `<area>:read` and `<area>:write`, derived from the permission strings so there is one list of
 * what can be done. A permission `contacts.read` needs `contacts:read`; every other permission of an area
 * (`contacts.write`, `contacts.manage`) needs `<area>:write`. A key acts with its role AND its scopes: a scope
 * never grants what the role does not.
 */
export type Scope = `${string}:${"read" | "write"}`;

export function permissionArea(permission: Permission): string {
  return permission.split(".")[0];
}

export function scopeFor(permission: Permission): Scope {
  return `${permissionArea(permission)}:${permission.endsWith(".read") ? "read" : "write"}`;
}

/** Every scope a key can hold, in the permission list's order (read before write per area). */
export const allScopes: Scope[] = [...new Set(permissions.flatMap((p) => [`${permissionArea(p)}:read`, scopeFor(p)] as Scope[]))].filter((s) =>
  permissions.some((p) => scopeFor(p) === s),
);

export const scopeSchema = z.enum(allScopes as [Scope, ...Scope[]], { error: "Unknown scope" });

/** Null scopes (keys made before scopes existed) allow whatever the role allows. */
export function scopesAllow(scopes: readonly string[] | null, permission: Permission): boolean {
  return scopes === null || scopes.includes(scopeFor(permission));
}
