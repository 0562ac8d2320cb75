/**
 * What Papo puts in `biz_opaque_callback_data` (≤ 512 bytes): its own message id. Meta echoes it on every status
 * webhook of the message, so a status can be matched even when the send's answer (the wamid) was lost.
 */
const PREFIX = "papo:msg:";

export function callbackDataFor(messageId: string): string {
  return `${PREFIX}${messageId}`;
}

/** The message id from a status webhook's `biz_opaque_callback_data`, or null when it is not Papo's. */
export function messageIdFromCallbackData(data: string | null | undefined): string | null {
  if (!data?.startsWith(PREFIX)) return null;
  const id = data.slice(PREFIX.length);
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id : null;
}
