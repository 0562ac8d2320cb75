import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { HttpRequestSpec } from "../../engine/engine-types";
import { isPrivateAddress } from "./is-private-address";

export type HttpResult = { ok: boolean; status: number; body: unknown; error?: string };

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The HTTP request node's call. Unless `allowPrivate`, every address the host name resolves to is checked at
 * connect time (the socket's own DNS lookup), so a name cannot resolve to a public address for the check and a
 * private one for the connection. Redirects are not followed (a 3xx is a failure). The body is parsed as JSON
 * when it is JSON, kept as text otherwise (1 MiB at most). Never throws: a failure is a result for the "failure" exit.
 */
export async function performHttpRequest(spec: HttpRequestSpec, options: { allowPrivate: boolean }): Promise<HttpResult> {
  let url: URL;
  try {
    url = new URL(spec.url);
  } catch {
    return { ok: false, status: 0, body: null, error: `Not a valid URL: ${spec.url.slice(0, 200)}` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, status: 0, body: null, error: "Only http and https URLs can be called" };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // An IP literal is never looked up, so it is checked here.
  if (net.isIP(host) && !options.allowPrivate && isPrivateAddress(host)) return blockedResult(host);

  const lookup: net.LookupFunction = (hostname, opts, callback) => {
    dns.lookup(hostname, { all: true, family: opts.family as number | undefined }, (err, addresses) => {
      if (err) return callback(err, "", 4);
      const bad = options.allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(Object.assign(new Error(`blocked address ${bad.address}`), { code: "PAPO_BLOCKED", address: bad.address }), "", 4);
      if ((opts as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };

  return new Promise<HttpResult>((resolve) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, { method: spec.method, headers: spec.headers, lookup, timeout: spec.timeoutMs, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY_BYTES) {
          req.destroy();
          resolve({ ok: false, status: res.statusCode ?? 0, body: null, error: "The response is larger than 1 MiB" });
        } else chunks.push(c);
      });
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ ok: status >= 200 && status < 300, status, body: parseBody(text) });
      });
      res.on("error", (e) => resolve({ ok: false, status: res.statusCode ?? 0, body: null, error: e.message }));
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error(`No answer within ${spec.timeoutMs} ms`), { code: "PAPO_TIMEOUT" })));
    req.on("error", (e: NodeJS.ErrnoException & { address?: string }) => {
      if (e.code === "PAPO_BLOCKED") return resolve(blockedResult(e.address ?? host));
      resolve({ ok: false, status: 0, body: null, error: e.message });
    });
    if (spec.body !== null) req.write(spec.body);
    req.end();
  });
}

function blockedResult(address: string): HttpResult {
  return {
    ok: false,
    status: 0,
    body: null,
    error: `Blocked: ${address} is a private, loopback or link-local address (an organization admin can allow private addresses for flows)`,
  };
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
