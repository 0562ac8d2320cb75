/**
 * In-process wake-up: send() in a Next route handler (its own module graph) reaches the worker started by
 * server.ts through globalThis, so new work starts at once instead of at the next poll.
 */
const g = globalThis as unknown as { __papoExecutorWake?: Set<() => void> };

export function onWake(fn: () => void): () => void {
  g.__papoExecutorWake ??= new Set();
  g.__papoExecutorWake.add(fn);
  return () => g.__papoExecutorWake?.delete(fn);
}

export function wakeWorkers() {
  for (const fn of g.__papoExecutorWake ?? []) fn();
}
