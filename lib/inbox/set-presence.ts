import type { OrgContext } from "@/lib/auth/org-context";
import { forbidden } from "@/lib/errors";
import { ioInstance } from "@/lib/realtime/io-instance";
import { orgRoom } from "@/lib/realtime/rooms";
import { touchPresence } from "./touch-presence";

/** The agent's own status pick (online / away / offline), pushed to the team. */
export async function setPresence(ctx: OrgContext, status: "online" | "away" | "offline") {
  if (!ctx.userId) throw forbidden("Only people have a presence");
  const row = await touchPresence(ctx.org.id, ctx.userId, status);
  const presence = { userId: row.userId, status: row.status, lastSeenAt: row.lastSeenAt.toISOString() };
  ioInstance()?.to(orgRoom(ctx.org.id)).emit("presence", presence);
  return presence;
}
