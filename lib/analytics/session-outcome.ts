import { sql } from "drizzle-orm";

/**
 * How a flow session ended, from the reason the engine or the runtime wrote into its state (`endReason`):
 * handed off — a handoff node passed it to people ("handoff") or a person took over ("human");
 * dropped — it expired, failed, or the customer restarted; completed — it reached an end (or jumped to another flow).
 * Queries alias flow_sessions as `s`.
 */
export const HANDED_OFF = sql`coalesce(s.state->>'endReason', '') in ('handoff', 'human')`;
export const DROPPED = sql`(s.status in ('expired', 'failed') or coalesce(s.state->>'endReason', '') in ('restart', 'test reset'))`;
export const COMPLETED = sql`(s.status = 'completed' and not ${HANDED_OFF} and not ${DROPPED})`;
export const LIVE = sql`s.status in ('active', 'waiting')`;
