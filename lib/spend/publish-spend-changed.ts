import { ioInstance } from "@/lib/realtime/io-instance";
import { orgRoom } from "@/lib/realtime/rooms";

/**
 * A ping to the organization's sockets that its spend moved (or a budget alert fired): no figures, since every
 * member is in the room and only `spend.read` may see money; the dashboard refetches through the API. Sent from
 * inside the status transaction, so a client can refetch a moment early: the next ping (or its 30 s poll) heals it.
 */
export function publishSpendChanged(organizationId: string, kind: "changed" | "alert"): void {
  ioInstance()?.to(orgRoom(organizationId)).emit("spend", { type: `spend.${kind}`, organizationId });
}
