import { z } from "zod";
import { EXIT, type ExitHandle } from "../exit-handle";
import { optionalVariableName } from "../item-id";

/** Waits for the customer's next message ("reply", stored in `variable`) or `timeoutMinutes` of silence ("timeout"). */
export const waitForReplyData = z.object({
  timeoutMinutes: z.number().int().min(1).max(7 * 24 * 60).default(60),
  variable: optionalVariableName,
});
export type WaitForReplyData = z.infer<typeof waitForReplyData>;

export function waitForReplyExits(): ExitHandle[] {
  return [{ id: EXIT.reply }, { id: EXIT.timeout }];
}

export function waitForReplyDefaultData(): WaitForReplyData {
  return { timeoutMinutes: 60, variable: "" };
}
