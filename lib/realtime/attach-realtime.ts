import type http from "node:http";
import { Server, type Socket } from "socket.io";
import { and, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { conversations, realtimeEvents } from "@/db/schema";
import { loadOrgContext } from "@/lib/auth/org-context";
import { env } from "@/lib/env";
import { touchPresence } from "@/lib/inbox/touch-presence";
import { authenticateHandshake } from "./authenticate-handshake";
import { setIoInstance } from "./io-instance";
import { listRealtimeEvents } from "./list-realtime-events";
import { isStillMember } from "./is-still-member";
import { conversationRoom, orgRoom, personRoom as personRoomOf, sessionRoom, userRoom } from "./rooms";
import { log } from "@/lib/log/logger";

type SocketData = { userId: string; name: string; sessionId: string; organizationId: string; canReply: boolean };
type Ack = (res: Record<string, unknown>) => void;

/** Events older than this are deleted: a client away longer reloads instead of catching up. */
const RETENTION = "7 days";

/**
 * socket.io on the app's own HTTP server (same port as Next.js). Sockets authenticate with the next-auth session
 * cookie and join their organization's room at the handshake; with DATABASE_URL the Postgres adapter (LISTEN/NOTIFY)
 * delivers every emit to the sockets of all Papo processes, so durable functions running in any process reach
 * every browser. With the embedded database there is one process, and the in-memory adapter is enough.
 */
export async function attachRealtime(server: http.Server, options: { databaseUrl?: string }): Promise<{ close: () => Promise<void> }> {
  const io = new Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>(server, {
    path: "/socket.io",
    serveClient: false,
    // Same origin as the app: the page is served by this server, so cross-origin sockets are not needed.
    cors: { origin: false },
    // Leave other upgrade requests (Next.js dev HMR) alone instead of closing them.
    destroyUpgrade: false,
    // Cross-site WebSocket hijacking: a browser sends the session cookie wherever the page came from, so a socket
    // opened by another site's page is refused. Clients without an Origin (not browsers) authenticate like any other.
    allowRequest: (req, callback) => callback(null, sameOrigin(req.headers.origin, req.headers.host)),
  });

  let pool: import("pg").Pool | undefined;
  if (options.databaseUrl) {
    const { Pool } = await import("pg");
    const { createAdapter } = await import("@socket.io/postgres-adapter");
    pool = new Pool({ connectionString: options.databaseUrl, max: 3 });
    pool.on("error", (err) => log.error({ err }, "realtime: postgres pool error"));
    // The adapter's side table for payloads over NOTIFY's 8 kB limit (its documented schema).
    await pool.query(
      "CREATE TABLE IF NOT EXISTS socket_io_attachments (id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)",
    );
    io.adapter(createAdapter(pool, { tableName: "socket_io_attachments", errorHandler: (e) => log.error({ err: e }, "realtime adapter failed") }));
  }

  io.use(async (socket, next) => {
    try {
      const user = await authenticateHandshake(socket.request);
      if (!user) return next(new Error("unauthorized"));
      const slug = socket.handshake.auth?.orgSlug ?? socket.handshake.query?.orgSlug;
      if (typeof slug !== "string" || !slug) return next(new Error("not_found"));
      const ctx = await loadOrgContext({ type: "user", userId: user.id }, slug).catch(() => null);
      if (!ctx) return next(new Error("not_found"));
      socket.data = {
        userId: user.id,
        name: user.name,
        sessionId: user.sessionId,
        organizationId: ctx.org.id,
        canReply: ctx.can("conversations.reply"),
      };
      next();
    } catch (err) {
      log.error({ err }, "realtime: handshake failed");
      next(new Error("internal_error"));
    }
  });

  io.on("connection", (socket) => onConnection(io, socket));
  setIoInstance(io as unknown as Server);

  const prune = () =>
    getDb()
      .delete(realtimeEvents)
      .where(lt(realtimeEvents.createdAt, sql`now() - ${RETENTION}::interval`))
      .catch((err: Error) => log.error({ err }, "realtime: prune failed"));
  void prune();
  const timer = setInterval(prune, 60 * 60 * 1000);
  timer.unref();

  return {
    close: async () => {
      clearInterval(timer);
      setIoInstance(undefined);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await pool?.end().catch(() => {});
    },
  };
}

function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  try {
    const o = new URL(origin);
    return o.host === host || o.origin === new URL(env().publicUrl).origin;
  } catch {
    return false;
  }
}

const conversationInput = z.object({ conversationId: z.uuid() });
const typingInput = z.object({ conversationId: z.uuid(), typing: z.boolean() });
const heartbeatInput = z.object({ status: z.enum(["online", "away"]).optional() }).optional();
const syncInput = z.object({ after: z.number().int().min(0) });

function onConnection(io: Server, socket: Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>) {
  const { organizationId, userId, name, sessionId, canReply } = socket.data;
  const personRoom = personRoomOf(organizationId, userId);
  // The person, user and session rooms are how access changes find this socket (disconnect-sockets.ts).
  void socket.join([orgRoom(organizationId), personRoom, userRoom(userId), sessionRoom(sessionId)]);
  // A removal committed between the handshake's check and these joins sent its disconnect to no room: check once
  // more now that the socket can be found.
  void isStillMember({ organizationId, userId, sessionId })
    .then((ok) => ok || socket.disconnect(true))
    .catch(() => {});
  const reply = (ack: unknown, res: Record<string, unknown>) => {
    if (typeof ack === "function") (ack as Ack)(res);
  };
  const heartbeat = async (status?: "online" | "away") => {
    if (!canReply) return;
    const row = await touchPresence(organizationId, userId, status);
    io.to(orgRoom(organizationId)).emit("presence", { userId, status: row.status, lastSeenAt: row.lastSeenAt.toISOString() });
  };
  void heartbeat().catch((err) => log.error({ err }, "realtime: presence failed"));
  socket.on("disconnect", () => {
    if (!canReply) return;
    // Offline only when the person's last socket (in any process: the adapter asks the others) is gone.
    io.in(personRoom)
      .fetchSockets()
      .then((left) => {
        if (!left.length) io.to(orgRoom(organizationId)).emit("presence", { userId, status: "offline", lastSeenAt: new Date().toISOString() });
      })
      .catch(() => {});
  });

  // Untyped event map: every handler validates its own input; a failure answers the ack instead of crashing.
  const on = (event: string, handler: (raw: unknown, ack: unknown) => unknown) =>
    (socket.on as (event: string, listener: (...args: unknown[]) => void) => void)(event, (raw, ack) => {
      Promise.resolve()
        .then(() => handler(raw, ack))
        .catch((err) => {
          log.error({ err }, `realtime: ${event} failed`);
          reply(ack, { ok: false, error: "internal_error" });
        });
    });

  // Reads re-check access, in case a disconnect sent by another process was missed: a socket whose membership or
  // session ended is closed instead of answered.
  const stillAllowed = async (ack: unknown) => {
    if (await isStillMember({ organizationId, userId, sessionId })) return true;
    reply(ack, { ok: false, error: "not_found" });
    socket.disconnect(true);
    return false;
  };

  on("conversation:join", async (raw, ack) => {
    const input = conversationInput.safeParse(raw);
    if (!input.success) return reply(ack, { ok: false, error: "invalid_input" });
    if (!(await stillAllowed(ack))) return;
    const [row] = await getDb()
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.organizationId, organizationId), eq(conversations.id, input.data.conversationId)));
    if (!row) return reply(ack, { ok: false, error: "not_found" });
    await socket.join(conversationRoom(row.id));
    reply(ack, { ok: true });
  });

  on("conversation:leave", async (raw, ack) => {
    const input = conversationInput.safeParse(raw);
    if (input.success) await socket.leave(conversationRoom(input.data.conversationId));
    reply(ack, { ok: input.success });
  });

  on("typing", (raw, ack) => {
    const input = typingInput.safeParse(raw);
    // Only sockets that joined the conversation (so: of this organization) may signal typing in it.
    if (!canReply || !input.success || !socket.rooms.has(conversationRoom(input.data.conversationId))) {
      return reply(ack, { ok: false, error: canReply ? "invalid_input" : "forbidden" });
    }
    socket.to(conversationRoom(input.data.conversationId)).emit("typing", { ...input.data, userId, name });
    reply(ack, { ok: true });
  });

  on("presence:heartbeat", async (raw, ack) => {
    const input = heartbeatInput.safeParse(raw);
    if (!input.success) return reply(ack, { ok: false, error: "invalid_input" });
    await heartbeat(input.data?.status);
    reply(ack, { ok: true });
  });

  on("sync", async (raw, ack) => {
    const input = syncInput.safeParse(raw);
    if (!input.success) return reply(ack, { ok: false, error: "invalid_input" });
    if (!(await stillAllowed(ack))) return;
    reply(ack, { ok: true, ...(await listRealtimeEvents(organizationId, input.data.after)) });
  });
}
