export { startExecutor, type Executor, type ExecutorOptions } from "./executor";
export { handleExecutorApi, handleEventApi, handleRegister } from "./http-api";
export { ManualClock, systemClock, type Clock } from "./clock";
export { cancelRun } from "./cancel-run";
export { replayRun, ReplayError } from "./replay-run";
export { ingestEventsInTx, afterIngestCommit } from "./ingest-events-in-tx";
