import type { Appointment } from "@/db/schema";

export type ReplyAction = "confirm" | "reschedule" | "cancel";

const PREFIX = "appt";

/** A quick-reply payload: `appt:<appointment id>:<version>:<action>`; a slot row of the reschedule list: `…:slot:<i>`. */
export function replyPayload(a: Pick<Appointment, "id" | "version">, action: ReplyAction | `slot:${number}`): string {
  return `${PREFIX}:${a.id}:${a.version}:${action}`;
}

export type ParsedReply = { appointmentId: string; version: number; action: ReplyAction } | { appointmentId: string; version: number; action: "slot"; slot: number };

export function parseReplyPayload(payload: string | null | undefined): ParsedReply | null {
  const m = /^appt:([0-9a-f-]{36}):(\d+):(confirm|reschedule|cancel|slot:(\d+))$/.exec(payload ?? "");
  if (!m) return null;
  if (m[4] !== undefined) return { appointmentId: m[1], version: Number(m[2]), action: "slot", slot: Number(m[4]) };
  return { appointmentId: m[1], version: Number(m[2]), action: m[3] as ReplyAction };
}
