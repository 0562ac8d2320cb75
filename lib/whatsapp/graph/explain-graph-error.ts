import type { RetryPolicy } from "./graph-error";

/** Plain-language explanations for the codes people meet most (REFERENCE.md §5.4). Build logic on codes, never titles. */
const explanations: Record<number, string> = {
  0: "WhatsApp rejected the channel's credentials. Reconnect the channel with a valid access token.",
  190: "The channel's access token has expired or was revoked. Reconnect the channel with a new token.",
  3: "The Meta app lacks a capability needed for this. Check the app's WhatsApp permissions.",
  10: "The access token lacks a permission needed for this number. Check the system user's assets and permissions.",
  100: "WhatsApp rejected a parameter of the message. Check the message content.",
  4: "Too many calls to Meta from this app right now. Papo waits and tries again.",
  80007: "The WhatsApp Business Account hit Meta's rate limit. Papo waits and tries again.",
  130429: "This number is sending faster than WhatsApp allows. Papo slows down and tries again.",
  131056: "Too many messages to this contact in a short time. Papo waits and tries again.",
  131057: "The WhatsApp account is briefly in maintenance. Papo tries again in a minute.",
  131016: "WhatsApp is temporarily unavailable. Papo tries again.",
  131000: "WhatsApp failed with an unknown error.",
  131008: "A required parameter is missing from the message.",
  131009: "A parameter of the message has an invalid value.",
  131021: "The recipient is this business number itself.",
  131026: "The message could not be delivered: the number may not use WhatsApp, have an old app version, or have blocked this business.",
  131031: "The WhatsApp Business Account is locked or restricted. Check WhatsApp Manager.",
  131042: "There is a payment problem with the WhatsApp Business Account. Check billing in Meta Business Manager.",
  131047: "More than 24 hours have passed since the contact's last message. Send an approved template instead.",
  131048: "Too many of this number's messages were blocked or reported as spam; sending is limited. Slow down and review message quality.",
  131049: "WhatsApp held this marketing message back to protect the contact's experience. Try again much later.",
  131050: "The contact has stopped marketing messages from this business.",
  131051: "WhatsApp does not support this message type.",
  131053: "WhatsApp could not fetch or accept the media (type, size or link). Fix the file and send again.",
  131062: "This message cannot be sent to a username-only contact.",
  131064: "The messaging limit was reduced because of template classification problems.",
  130472: "The contact is part of a WhatsApp marketing experiment and cannot receive this message.",
  130497: "This WhatsApp Business Account may not message contacts in that country.",
  132000: "The number of template parameters does not match the template. Check the variables.",
  132001: "The template does not exist in this language or is not approved yet.",
  132005: "The template text is too long once the variables are filled in.",
  132007: "The template's content breaks WhatsApp's policies.",
  132012: "A template variable has the wrong format.",
  132015: "The template is paused because of low quality. Edit it or wait until WhatsApp unpauses it.",
  132016: "The template was disabled because of low quality. Create a new one.",
  132018: "A template parameter has a problem. Check the variables.",
  133010: "This phone number is not registered with the WhatsApp Cloud API.",
  137000: "The contact's identity changed (possibly a reinstall on a new phone). Verify the contact before sending.",
  368: "The business is temporarily blocked for a policy violation.",
};

export function explainGraphError(code: number | null, retry: RetryPolicy): string {
  if (code !== null && explanations[code]) return explanations[code];
  if (code !== null && code >= 200 && code <= 299) return explanations[10];
  if (retry === "ambiguous") {
    return "WhatsApp did not answer clearly (timeout, dropped connection or server error); the message may or may not have been sent. Papo checks before sending again.";
  }
  if (retry === "safe") return "The request did not reach WhatsApp. Papo tries again.";
  return "WhatsApp refused the message.";
}
