import http from "node:http";
import type { AddressInfo } from "node:net";

type Handler = (req: Request, route: { params: Promise<Record<string, unknown>> }) => Promise<Response> | Response;
type RouteModule = Partial<Record<"GET" | "POST" | "DELETE" | "PATCH" | "PUT", Handler>>;
export type LoopbackRoute = { prefix: string; params: (rest: string[]) => Record<string, unknown>; module: RouteModule };

/**
 * A plain HTTP server on 127.0.0.1 serving a few of Papo's route handlers, for integration tests of the
 * server-to-self paths (the sandbox's Graph API and its signed webhooks go over loopback HTTP, internal-origin.ts):
 * point PORT/HOSTNAME at it and the product's own calls arrive here, unchanged, without a production build.
 */
export async function startLoopbackRoutes(routes: LoopbackRoute[]): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = routes.find((r) => url.pathname.startsWith(r.prefix));
    const handler = route?.module[(req.method ?? "GET") as keyof RouteModule];
    if (!route || !handler) {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const body = chunks.length && req.method !== "GET" ? Buffer.concat(chunks) : undefined;
    const rest = url.pathname.slice(route.prefix.length).split("/").filter(Boolean).map(decodeURIComponent);
    const answer = await handler(new Request(url, { method: req.method, headers, body }), { params: Promise.resolve(route.params(rest)) });
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
