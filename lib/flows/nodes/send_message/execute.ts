import type { NodeExecutor } from "../../engine/engine-types";
import { WA_LIMITS } from "../../validation/whatsapp-limits";
import { interpolate } from "../../variables/interpolate";
import { EXIT } from "../exit-handle";
import { renderText } from "../render-text";
import type { SendMessageData } from "./schema";

export const executeSendMessage: NodeExecutor<SendMessageData> = ({ data, scope }) => {
  if (data.media) {
    const caption = data.media.kind === "audio" ? "" : renderText(data.text, scope, WA_LIMITS.caption);
    return {
      messages: [
        {
          type: data.media.kind,
          media: { link: interpolate(data.media.url, scope).trim() },
          ...(caption ? { caption } : {}),
          ...(data.media.kind === "document" && data.media.filename ? { filename: data.media.filename } : {}),
        },
      ],
      next: "exit",
      exit: EXIT.next,
    };
  }
  const body = renderText(data.text, scope, WA_LIMITS.textBody);
  return { messages: body ? [{ type: "text", body }] : [], next: "exit", exit: EXIT.next };
};
