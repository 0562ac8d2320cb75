import { z } from "zod";
import type { ExitHandle } from "../exit-handle";

/**
 * Hands the conversation to people: optional message to the customer, then the conversation's owner becomes
 * "human" (the bot stops answering), with an optional department and/or agent and a note for the agent.
 * Terminal: no exits.
 */
export const handoffData = z.object({
  message: z.string().default(""),
  departmentId: z.string().default(""),
  assigneeId: z.string().default(""),
  note: z.string().default(""),
});
export type HandoffData = z.infer<typeof handoffData>;

export function handoffExits(): ExitHandle[] {
  return [];
}

export function handoffDefaultData(): HandoffData {
  return { message: "", departmentId: "", assigneeId: "", note: "" };
}
