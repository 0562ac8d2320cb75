import { describe, expect, it } from "vitest";
import { permissions, roleCan, roles } from "@/lib/auth/permissions";

describe("role → permissions", () => {
  it("owners can do everything", () => {
    for (const p of permissions) expect(roleCan("owner", p)).toBe(true);
  });
  it("only owners manage owners", () => {
    expect(roles.filter((r) => roleCan(r, "members.manageOwners"))).toEqual(["owner"]);
  });
  it("each role holds at most what the role above it holds", () => {
    for (let i = 1; i < roles.length; i++) {
      for (const p of permissions) if (roleCan(roles[i], p)) expect(roleCan(roles[i - 1], p), `${roles[i - 1]} ⊇ ${roles[i]} on ${p}`).toBe(true);
    }
  });
  it("viewers only read", () => {
    const writes = permissions.filter((p) => roleCan("viewer", p) && !p.endsWith(".read"));
    expect(writes).toEqual([]);
  });
  it("agents cannot reach member or channel management", () => {
    for (const p of ["members.read", "members.invite", "channels.manage", "apiKeys.manage", "audit.read"] as const) expect(roleCan("agent", p)).toBe(false);
  });
  it("playing a sandbox customer is a write: agents and up, never viewers", () => {
    expect(roles.filter((r) => roleCan(r, "sandbox.simulate"))).toEqual(["owner", "admin", "agent"]);
  });
});
