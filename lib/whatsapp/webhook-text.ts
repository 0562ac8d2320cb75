/** Webhook answers are plain text: Meta reads only the status code, and the handshake must echo text. */
export function webhookText(status: number, body: string): Response {
  return new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
