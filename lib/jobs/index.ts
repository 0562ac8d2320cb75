/**
 * The one door from lib/ and app/ into durable work (issue #11 item 8): enqueue inside a transaction, send events,
 * and the Runs page's cancel/replay. Nothing outside lib/jobs imports inngest/executor (eslint.config.mjs enforces
 * it), so the executor's internals can change without touching the domain. See lib/jobs/README.md.
 */
export { enqueueInTransaction } from "./enqueue-in-transaction";
export { sendJobEvents } from "./send-job-events";
export { cancelJobRun, replayJobRun, JobReplayError } from "./job-runs";
export type { JobEvent } from "./job-event";
