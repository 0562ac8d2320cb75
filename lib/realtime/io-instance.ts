import type { Server } from "socket.io";

// server.ts and Next's bundled route handlers are two module graphs in one process: the io instance is shared
// through globalThis, like the database handle (db/index.ts).
const g = globalThis as unknown as { __papoIo?: Server };

/** The socket.io server of this process, or undefined where none runs (CLI, integration tests, `next build`). */
export function ioInstance(): Server | undefined {
  return g.__papoIo;
}

export function setIoInstance(io: Server | undefined): void {
  g.__papoIo = io;
}
