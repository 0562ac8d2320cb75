/**
 * Graceful stop on SIGTERM/SIGINT, bounded: runs the steps in order (each one's failure is logged, never blocks
 * the next), then exits 0. If the steps together take longer than `timeoutMs`, or a second signal arrives, the
 * process exits at once with code 1: an orchestrator's stop must never hang (it once took longer than 10 s).
 */
export type ShutdownStep = { name: string; run: () => Promise<unknown> | unknown };

export function onShutdownSignal(steps: ShutdownStep[], opts: { timeoutMs: number; log: (msg: string) => void }) {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      opts.log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    opts.log(`${signal}: shutting down`);
    setTimeout(() => {
      opts.log(`shutdown took longer than ${opts.timeoutMs} ms: exiting now`);
      process.exit(1);
    }, opts.timeoutMs).unref();
    for (const step of steps) {
      try {
        await step.run();
      } catch (err) {
        opts.log(`shutdown: ${step.name} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
