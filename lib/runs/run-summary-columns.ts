import { sql } from "drizzle-orm";
import { inngestFunctions, inngestRuns } from "@/db/schema";

/** The columns listRuns and getRunOrThrow share (select from inngest_runs left join inngest_functions). */
export const runSummaryColumns = {
  id: inngestRuns.id,
  seq: inngestRuns.seq,
  functionId: inngestRuns.functionId,
  functionName: sql<string | null>`${inngestFunctions.config}->>'name'`,
  status: inngestRuns.status,
  eventName: sql<string>`${inngestRuns.event}->>'name'`,
  eventId: inngestRuns.eventId,
  createdAt: inngestRuns.createdAt,
  endedAt: inngestRuns.endedAt,
};

type SummaryRow = {
  id: string;
  functionId: string;
  functionName: string | null;
  status: "running" | "completed" | "failed" | "cancelled";
  eventName: string;
  eventId: string | null;
  createdAt: number;
  endedAt: number | null;
};

export function toRunSummary(row: SummaryRow) {
  const started = Number(row.createdAt);
  const ended = row.endedAt === null ? null : Number(row.endedAt);
  return {
    id: row.id,
    functionId: row.functionId,
    functionName: row.functionName,
    status: row.status,
    eventName: row.eventName,
    eventId: row.eventId,
    startedAt: new Date(started).toISOString(),
    endedAt: ended === null ? null : new Date(ended).toISOString(),
    durationMs: ended === null ? null : ended - started,
  };
}
