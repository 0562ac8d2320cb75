import { z } from "zod";
import { EXIT, type ExitHandle } from "../exit-handle";

/** A text (with {{variables}}) and/or one media attachment by public link; with media, the text is its caption. */
export const sendMessageData = z.object({
  text: z.string().default(""),
  media: z
    .object({
      kind: z.enum(["image", "video", "audio", "document"]),
      url: z.string().default(""),
      filename: z.string().default(""),
    })
    .nullable()
    .default(null),
});
export type SendMessageData = z.infer<typeof sendMessageData>;

export function sendMessageExits(): ExitHandle[] {
  return [{ id: EXIT.next }];
}

export function sendMessageDefaultData(): SendMessageData {
  return { text: "", media: null };
}
