import { env } from "@/lib/env";

/**
 * The origin this process reaches itself at, over loopback: `http://127.0.0.1:$PORT` (or the bind address when it
 * is a specific one). Used for server-to-self calls (the sandbox's Graph API and its signed webhooks) — never the
 * public URL, which may sit behind TLS, a proxy or DNS that the server itself cannot reach (hairpin NAT), and
 * would send a purely local exchange out over the internet. Same rule server.ts uses for the executor's serveUrl.
 */
export function internalOrigin(): string {
  const e = env();
  const bind = e.HOSTNAME === "0.0.0.0" || e.HOSTNAME === "::" ? "127.0.0.1" : e.HOSTNAME;
  const host = bind.includes(":") && !bind.startsWith("[") ? `[${bind}]` : bind;
  return `http://${host}:${e.PORT}`;
}
