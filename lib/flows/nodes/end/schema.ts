import { z } from "zod";
import type { ExitHandle } from "../exit-handle";

/** Ends the session, optionally with a last message. */
export const endData = z.object({
  message: z.string().default(""),
});
export type EndData = z.infer<typeof endData>;

export function endExits(): ExitHandle[] {
  return [];
}

export function endDefaultData(): EndData {
  return { message: "" };
}
