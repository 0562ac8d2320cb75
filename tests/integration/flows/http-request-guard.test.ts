import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPrivateAddress } from "@/lib/flows/runtime/effects/is-private-address";
import { performHttpRequest } from "@/lib/flows/runtime/effects/perform-http-request";

let server: http.Server;
let port: number;
const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
    if (req.url === "/slow") return void setTimeout(() => res.end("late"), 2_000);
    if (req.url === "/text") return void res.end("plain words");
    if (req.url === "/fail") {
      res.statusCode = 503;
      return void res.end(JSON.stringify({ error: "down" }));
    }
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ok: true, echo: req.url }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const spec = (url: string, extra: Partial<Parameters<typeof performHttpRequest>[0]> = {}) => ({ method: "GET", url, headers: {}, body: null, timeoutMs: 1_000, ...extra });

describe("the HTTP request node's call", () => {
  it("blocks loopback, private and link-local addresses, by IP and by name", async () => {
    for (const url of [`http://127.0.0.1:${port}/x`, `http://localhost:${port}/x`, "http://10.1.2.3/x", "http://169.254.169.254/latest/meta-data", "http://[::1]:9/x", "http://[::ffff:127.0.0.1]:9/"]) {
      const res = await performHttpRequest(spec(url), { allowPrivate: false });
      expect(res, url).toMatchObject({ ok: false, status: 0 });
      expect(res.error, url).toMatch(/^Blocked: .* is a private, loopback or link-local address/);
    }
    expect(seen).toEqual([]);
  });

  it("classifies addresses", () => {
    for (const a of ["127.0.0.1", "10.0.0.1", "172.20.1.1", "192.168.0.9", "100.64.1.1", "169.254.169.254", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:192.168.1.1"]) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["8.8.8.8", "172.32.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  it("calls a local server when allowed: method, headers, JSON body, parsed JSON answer", async () => {
    const res = await performHttpRequest(spec(`http://localhost:${port}/orders?id=1`, { method: "POST", headers: { "content-type": "application/json", "x-key": "k" }, body: '{"a":1}' }), { allowPrivate: true });
    expect(res).toEqual({ ok: true, status: 200, body: { ok: true, echo: "/orders?id=1" } });
    expect(seen.at(-1)).toMatchObject({ method: "POST", url: "/orders?id=1", headers: { "x-key": "k" }, body: '{"a":1}' });
  });

  it("non-2xx, text bodies, timeouts and bad URLs are results, never throws", async () => {
    expect(await performHttpRequest(spec(`http://127.0.0.1:${port}/fail`), { allowPrivate: true })).toEqual({ ok: false, status: 503, body: { error: "down" } });
    expect(await performHttpRequest(spec(`http://127.0.0.1:${port}/text`), { allowPrivate: true })).toEqual({ ok: true, status: 200, body: "plain words" });
    const slow = await performHttpRequest(spec(`http://127.0.0.1:${port}/slow`, { timeoutMs: 200 }), { allowPrivate: true });
    expect(slow).toMatchObject({ ok: false, status: 0, error: "No answer within 200 ms" });
    expect(await performHttpRequest(spec("ftp://example.com/x"), { allowPrivate: true })).toMatchObject({ ok: false, error: "Only http and https URLs can be called" });
    expect(await performHttpRequest(spec("not a url"), { allowPrivate: true })).toMatchObject({ ok: false, error: "Not a valid URL: not a url" });
  });
});
