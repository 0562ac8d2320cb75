import { z } from "zod";
import type { Overview } from "./get-overview";
import type { AgentRow } from "./get-agent-stats";
import type { FlowOutcome } from "./flow-outcomes";

/** Which table a CSV export holds: every chart's numbers, and each report's table. */
export const csvReport = z.enum(["series", "channels", "agents", "flows"]);
export type CsvReport = z.infer<typeof csvReport>;

type Cell = string | number | null;

/** RFC 4180 CSV; a text cell that could start a spreadsheet formula is prefixed with a quote mark. */
export function toCsv(header: string[], rows: Cell[][]): string {
  const cell = (v: Cell) => {
    const s = v === null ? "" : String(v);
    const safe = typeof v === "string" && /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

const micros = (v: number | null) => (v === null ? null : (v / 1_000_000).toFixed(6));
const round = (v: number | null) => (v === null ? null : Math.round(v));
const ratio = (v: number | null) => (v === null ? null : v.toFixed(4));

export function seriesCsv(o: Overview): string {
  return toCsv(
    ["day", "conversations_opened", "conversations_closed", "messages_in", "messages_out", "spend", "previous_day", "previous_opened", "previous_closed", "previous_messages_in", "previous_messages_out", "previous_spend"],
    o.series.map((p) => [p.day, p.opened, p.closed, p.messagesIn, p.messagesOut, o.currency ? micros(p.spendMicros) : null, p.previousDay, p.previous.opened, p.previous.closed, p.previous.messagesIn, p.previous.messagesOut, o.currency ? micros(p.previous.spendMicros) : null]),
  );
}

export function channelsCsv(o: Overview): string {
  return toCsv(
    ["channel", "opened", "closed", "messages_in", "messages_out", "first_response_median_s", "first_response_p90_s", "resolution_median_s", "resolution_p90_s", "bot_conversations", "contained", "handed_off", "containment_rate", "handoff_rate", "spend"],
    o.byChannel.map((c) => [c.label, c.opened, c.closed, c.messagesIn, c.messagesOut, round(c.firstResponse.medianSeconds), round(c.firstResponse.p90Seconds), round(c.resolution.medianSeconds), round(c.resolution.p90Seconds), c.botConversations, c.contained, c.handedOff, ratio(c.containmentRate), ratio(c.handoffRate), micros(c.spendMicros)]),
  );
}

export function agentsCsv(agents: AgentRow[]): string {
  return toCsv(
    ["name", "email", "conversations_handled", "messages_sent", "first_response_median_s", "first_response_p90_s", "resolution_median_s", "resolution_p90_s", "available_s"],
    agents.map((a) => [a.name, a.email, a.conversationsHandled, a.messagesSent, round(a.firstResponse.medianSeconds), round(a.firstResponse.p90Seconds), round(a.resolution.medianSeconds), round(a.resolution.p90Seconds), a.availableSeconds]),
  );
}

export function flowsCsv(flows: FlowOutcome[]): string {
  return toCsv(["flow", "started", "completed", "dropped", "handed_off", "live"], flows.map((f) => [f.name, f.started, f.completed, f.droppedOff, f.handedOff, f.live]));
}
