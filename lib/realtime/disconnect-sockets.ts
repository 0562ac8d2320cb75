import { ioInstance } from "./io-instance";
import { personRoom, sessionRoom, userRoom } from "./rooms";

export type SocketsToEnd =
  /** A membership was removed or its role changed: the person's sockets in that organization. */
  | { organizationId: string; userId: string }
  /** One session signed out. */
  | { sessionId: string }
  /** The person's other sessions were revoked (password changed): every socket but the current session's. */
  | { userId: string; exceptSessionId?: string };

/**
 * Closes open sockets at once when access changes. With the Postgres adapter `disconnectSockets` reaches the
 * sockets of every Papo process. The browser reconnects and the handshake decides again: a removed member or a
 * revoked session is refused, a changed role comes back with its new permissions.
 */
export function disconnectSockets(target: SocketsToEnd): void {
  const io = ioInstance();
  if (!io) return;
  if ("sessionId" in target) io.in(sessionRoom(target.sessionId)).disconnectSockets(true);
  else if ("organizationId" in target) io.in(personRoom(target.organizationId, target.userId)).disconnectSockets(true);
  else {
    const sockets = io.in(userRoom(target.userId));
    (target.exceptSessionId ? sockets.except(sessionRoom(target.exceptSessionId)) : sockets).disconnectSockets(true);
  }
}
