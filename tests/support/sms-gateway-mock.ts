import http from "node:http";
import type { AddressInfo } from "node:net";

export type SmsRequestSeen = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string; at: number };

export type SmsGatewayMock = {
  url: string;
  requests: SmsRequestSeen[];
  /** HTTP statuses for the next requests, in order (then 200 again). */
  fail(...statuses: number[]): void;
  close(): Promise<void>;
};

/** A stand-in for an SMS provider's HTTP API on 127.0.0.1: records every request, answers 200 `{ "id": … }` unless told otherwise. */
export async function startSmsGatewayMock(): Promise<SmsGatewayMock> {
  const requests: SmsRequestSeen[] = [];
  const faults: number[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    requests.push({ method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
    const status = faults.shift() ?? 200;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(status < 300 ? { id: `sms-${requests.length}` } : { error: "refused" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    fail: (...s) => void faults.push(...s),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
