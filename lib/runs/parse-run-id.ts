import { notFound } from "@/lib/errors";

/** The executor's run ids (inngest/executor/ids.ts): "run_" + 32 hex digits. Anything else cannot name a run. */
const RUN_ID = /^run_[0-9a-f]{32}$/;

export function parseRunId(id: string): string {
  if (!RUN_ID.test(id)) throw notFound("Run");
  return id;
}
