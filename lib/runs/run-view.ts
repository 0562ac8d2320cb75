/** What the Runs and Events pages and the API hand to the browser (times as ISO strings). */
export const runStatuses = ["running", "completed", "failed", "cancelled"] as const;
export type RunStatus = (typeof runStatuses)[number];

export type RunSummary = {
  id: string;
  functionId: string;
  functionName: string | null;
  status: RunStatus;
  eventName: string;
  eventId: string | null;
  startedAt: string;
  endedAt: string | null;
  durationMs: number | null;
};

export type RunStep = {
  id: string;
  name: string | null;
  status: "ok" | "error";
  output: unknown;
  error: unknown;
  startedAt: string | null;
  durationMs: number | null;
  storedAt: string;
};

export type RunDetail = RunSummary & {
  event: { id: string; name: string; data: unknown; ts: number | null };
  output: unknown;
  error: unknown;
  parent: { id: string; functionId: string } | null;
  steps: RunStep[];
};

export type RunsPage = { runs: RunSummary[]; next: string | null };

export type EventRow = {
  id: string;
  name: string;
  /** The start of the payload's JSON text (EVENT_PREVIEW_CHARS); the whole payload is on the event's detail. */
  preview: string;
  /** The length of the payload's JSON text: more than preview.length means the preview is cut. */
  dataChars: number;
  receivedAt: string;
  runs: { id: string; functionId: string; status: RunStatus }[];
};

export type EventDetail = Omit<EventRow, "preview" | "dataChars"> & { data: unknown };

export type EventsPage = { events: EventRow[]; next: string | null };

/** Executor times are clock milliseconds (bigint columns, possibly strings from the driver). */
export function msToIso(ms: number | string | null): string | null {
  return ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString();
}
