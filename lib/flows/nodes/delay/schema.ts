import { z } from "zod";
import { EXIT, type ExitHandle } from "../exit-handle";

/** A durable pause before going on (messages arriving meanwhile are ignored by the flow). */
export const delayData = z.object({
  seconds: z.number().int().min(1).max(7 * 24 * 3600).default(5),
});
export type DelayData = z.infer<typeof delayData>;

export function delayExits(): ExitHandle[] {
  return [{ id: EXIT.next }];
}

export function delayDefaultData(): DelayData {
  return { seconds: 5 };
}
