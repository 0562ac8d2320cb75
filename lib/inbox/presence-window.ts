/** A chosen "online" counts only while a heartbeat (every 30 s) arrived this recently. */
export const PRESENCE_TTL_MS = 90_000;

export function effectivePresence(status: "online" | "away" | "offline", lastSeenAt: Date | null, now = new Date()) {
  if (!lastSeenAt || now.getTime() - lastSeenAt.getTime() > PRESENCE_TTL_MS) return "offline" as const;
  return status;
}
