import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { metaErrorBody } from "./meta-errors";

/**
 * What the next `POST /messages` (not mark-as-read) does instead of succeeding. `accepted: true` means "Meta took
 * the message anyway": it is recorded as sent although the client sees a failure — the ambiguous case.
 */
export type Fault =
  | { status: number; accepted?: boolean }
  | { metaError: number }
  | { delayMs: number }
  | { hang: true; accepted?: boolean }
  | { drop: true; accepted?: boolean };

export type RecordedCall = { method: string; path: string; authorization?: string; contentType?: string; body: unknown; at: number };
export type AcceptedMessage = { wamid: string; to: string; body: Record<string, unknown>; callbackData?: string };
export type MockTemplate = { id: string; name: string; language: string; status: string; category: string; components?: unknown[] };

export type GraphMock = {
  /** Base URL to put in META_GRAPH_API_URL. */
  url: string;
  calls: RecordedCall[];
  /** Messages "Meta" accepted (what a user's phone would receive), in order. */
  messages: AcceptedMessage[];
  media: Map<string, { data: Buffer; mimeType: string }>;
  templates: MockTemplate[];
  /** Queue faults for the next message sends, in order. */
  fail(...faults: Fault[]): void;
  /** Queue HTTP statuses for the next media downloads (GET of the download URL), in order. */
  failMediaDownloads(...statuses: number[]): void;
  messageCalls(): RecordedCall[];
  reset(): void;
  close(): Promise<void>;
};

/** A Graph API stand-in on 127.0.0.1 (random port), answering like Meta, recording every call. */
export async function startGraphMock(options: { version?: string; accessToken?: string } = {}): Promise<GraphMock> {
  const version = options.version ?? "v24.0";
  const faults: Fault[] = [];
  const mediaFaults: number[] = [];
  const state = { calls: [] as RecordedCall[], messages: [] as AcceptedMessage[], media: new Map<string, { data: Buffer; mimeType: string }>(), templates: [] as MockTemplate[] };
  const hung = new Set<http.ServerResponse>();
  let origin = "";

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://mock");
    const contentType = req.headers["content-type"];
    let body: unknown = raw.length ? raw.toString("utf8") : undefined;
    if (contentType?.includes("application/json")) body = JSON.parse(raw.toString("utf8"));
    state.calls.push({ method: req.method ?? "GET", path: url.pathname + url.search, authorization: req.headers.authorization, contentType, body, at: Date.now() });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    if (options.accessToken && req.headers.authorization !== `Bearer ${options.accessToken}`) {
      const e = metaErrorBody(190);
      return send(e.http, e.body);
    }
    const parts = url.pathname.split("/").filter(Boolean);
    if (parts[0] === "media-download" && req.method === "GET") {
      const m = state.media.get(parts[1]);
      if (!m) return send(404, { error: { message: "not found", code: 100 } });
      const fault = mediaFaults.shift();
      if (fault) return send(fault, { error: { message: "An unexpected error has occurred. Please retry your request later.", type: "OAuthException", code: 2, is_transient: true } });
      res.writeHead(200, { "content-type": m.mimeType });
      return void res.end(m.data);
    }
    if (parts[0] !== version) return send(404, { error: { message: `Unknown version ${parts[0]}`, code: 100 } });

    // POST /{v}/{phone-number-id}/messages
    if (req.method === "POST" && parts.length === 3 && parts[2] === "messages") {
      const msg = body as Record<string, unknown>;
      if (msg.status === "read") return send(200, { success: true });
      const fault = faults.shift();
      const accept = () => {
        const wamid = `wamid.${randomBytes(24).toString("base64")}`;
        const to = String(msg.to ?? msg.recipient);
        state.messages.push({ wamid, to, body: msg, callbackData: msg.biz_opaque_callback_data as string | undefined });
        return { wamid, to };
      };
      const success = (a: { wamid: string; to: string }) =>
        send(200, { messaging_product: "whatsapp", contacts: [{ input: a.to, wa_id: a.to.replace(/\D/g, "") }], messages: [{ id: a.wamid }] });
      if (!fault) return success(accept());
      if ("delayMs" in fault) {
        await new Promise((r) => setTimeout(r, fault.delayMs));
        return success(accept());
      }
      if ("metaError" in fault) {
        const e = metaErrorBody(fault.metaError);
        return send(e.http, e.body);
      }
      if ("hang" in fault) {
        if (fault.accepted) accept();
        hung.add(res);
        return;
      }
      if ("drop" in fault) {
        if (fault.accepted) accept();
        return void req.socket.destroy();
      }
      if (fault.accepted) accept();
      return send(fault.status, { error: { message: "An unexpected error has occurred. Please retry your request later.", type: "OAuthException", code: 2, is_transient: true, fbtrace_id: "Afake5xx" } });
    }
    // POST /{v}/{phone-number-id}/media (multipart)
    if (req.method === "POST" && parts.length === 3 && parts[2] === "media") {
      const form = await new Request("http://mock/", { method: "POST", headers: { "content-type": contentType ?? "" }, body: raw }).formData();
      const file = form.get("file");
      if (form.get("messaging_product") !== "whatsapp" || !(file instanceof Blob)) return send(400, metaErrorBody(100).body);
      const id = String(1_000_000_000_000_000 + state.media.size);
      state.media.set(id, { data: Buffer.from(await file.arrayBuffer()), mimeType: String(form.get("type") ?? file.type) });
      return send(200, { id });
    }
    // GET /{v}/{waba-id}/message_templates (cursor paging)
    if (req.method === "GET" && parts.length === 3 && parts[2] === "message_templates") {
      const limit = Number(url.searchParams.get("limit") ?? 25);
      const start = Number(url.searchParams.get("after") ?? 0);
      const status = url.searchParams.get("status");
      const all = state.templates.filter((t) => !status || t.status.toLowerCase() === status.toLowerCase());
      const data = all.slice(start, start + limit);
      const end = start + data.length;
      const next = end < all.length ? `${origin}${url.pathname}?${new URLSearchParams({ ...Object.fromEntries(url.searchParams), after: String(end) })}` : undefined;
      return send(200, { data, paging: { cursors: { before: String(start), after: String(end) }, ...(next && { next }) } });
    }
    // GET /{v}/{media-id}
    if (req.method === "GET" && parts.length === 2) {
      const m = state.media.get(parts[1]);
      if (!m) return send(400, metaErrorBody(100).body);
      return send(200, { messaging_product: "whatsapp", url: `${origin}/media-download/${parts[1]}`, mime_type: m.mimeType, sha256: "fake", file_size: String(m.data.length), id: parts[1] });
    }
    send(404, { error: { message: `No mock for ${req.method} ${url.pathname}`, code: 100 } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    get calls() {
      return state.calls;
    },
    get messages() {
      return state.messages;
    },
    get media() {
      return state.media;
    },
    get templates() {
      return state.templates;
    },
    set templates(t: MockTemplate[]) {
      state.templates = t;
    },
    fail: (...f) => void faults.push(...f),
    failMediaDownloads: (...f) => void mediaFaults.push(...f),
    messageCalls: () => state.calls.filter((c) => c.method === "POST" && c.path.endsWith("/messages") && (c.body as { status?: string })?.status !== "read"),
    reset() {
      faults.length = 0;
      mediaFaults.length = 0;
      state.calls = [];
      state.messages = [];
      state.media.clear();
      state.templates = [];
    },
    async close() {
      for (const r of hung) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
