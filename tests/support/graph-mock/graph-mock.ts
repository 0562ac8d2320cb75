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
export type MockTemplate = {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
  components?: unknown[];
  parameter_format?: string;
  rejected_reason?: string;
  quality_score?: unknown;
  /** Set on templates created through the mock: then only that WABA lists it (tests' hand-set ones list everywhere). */
  wabaId?: string;
};

/**
 * What Meta does with the next template submission (create or edit) instead of accepting it as PENDING: refuse it
 * at once with an error (HTTP 400, like a name already taken or a policy check), or accept it with another first
 * status (Meta sometimes answers APPROVED or REJECTED straight away).
 */
export type TemplateFault =
  | { metaError: { code: number; subcode?: number; title: string; message: string; httpStatus?: number } }
  | { status: "APPROVED" | "REJECTED"; reason?: string };

/**
 * A business number as Meta knows it. Any token registered for its WABA can read the number and the WABA's list
 * (like a system user's token with the WABA assigned); any other token is refused as Meta refuses it.
 */
export type MockPhoneNumber = { phoneNumberId: string; wabaId: string; accessToken: string; displayPhoneNumber?: string; verifiedName?: string };

export type GraphMock = {
  /** Base URL to put in META_GRAPH_API_URL. */
  url: string;
  calls: RecordedCall[];
  /** Messages "Meta" accepted (what a user's phone would receive), in order. */
  messages: AcceptedMessage[];
  media: Map<string, { data: Buffer; mimeType: string }>;
  templates: MockTemplate[];
  /** Files received through the Resumable Upload API, by the handle returned. */
  uploads: Map<string, { data: Buffer; mimeType: string; fileName: string }>;
  /** Queue outcomes for the next template creates/edits, in order. */
  failTemplates(...faults: TemplateFault[]): void;
  /** Queue faults for the next message sends, in order. */
  fail(...faults: Fault[]): void;
  /**
   * Makes a number exist in a WABA, readable with `accessToken` (channel verification, lib/channels). Numbers survive
   * reset(): they are the state of Meta's world, not of one test. Other processes use registerMockPhoneNumber.
   */
  addPhoneNumber(number: MockPhoneNumber): void;
  /** Queue HTTP statuses for the next media downloads (GET of the download URL), in order. */
  failMediaDownloads(...statuses: number[]): void;
  messageCalls(): RecordedCall[];
  reset(): void;
  close(): Promise<void>;
};

/** A Graph API stand-in on 127.0.0.1 (random port), answering like Meta, recording every call. */
export async function startGraphMock(options: { version?: string; accessToken?: string; unref?: boolean } = {}): Promise<GraphMock> {
  const version = options.version ?? "v24.0";
  const faults: Fault[] = [];
  const mediaFaults: number[] = [];
  const templateFaults: TemplateFault[] = [];
  const uploadSessions = new Map<string, { fileName: string; fileType: string; fileLength: number }>();
  const uploads = new Map<string, { data: Buffer; mimeType: string; fileName: string }>();
  const state = { calls: [] as RecordedCall[], messages: [] as AcceptedMessage[], media: new Map<string, { data: Buffer; mimeType: string }>(), templates: [] as MockTemplate[] };
  const hung = new Set<http.ServerResponse>();
  const numbers = new Map<string, Required<Omit<MockPhoneNumber, "accessToken">>>();
  const wabaTokens = new Map<string, Set<string>>();
  const addPhoneNumber = (n: MockPhoneNumber) => {
    numbers.set(n.phoneNumberId, {
      phoneNumberId: n.phoneNumberId,
      wabaId: n.wabaId,
      displayPhoneNumber: n.displayPhoneNumber ?? `+1 555-${n.phoneNumberId.slice(-7, -4)}-${n.phoneNumberId.slice(-4)}`,
      verifiedName: n.verifiedName ?? `Business ${n.wabaId.slice(-4)}`,
    });
    wabaTokens.set(n.wabaId, (wabaTokens.get(n.wabaId) ?? new Set()).add(n.accessToken));
  };
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
    // Test set-up from any process (the e2e server's mock lives in the global setup): POST /__mock/phone-numbers.
    if (req.method === "POST" && url.pathname === "/__mock/phone-numbers") {
      addPhoneNumber(body as MockPhoneNumber);
      return send(201, { ok: true });
    }
    // …and POST /__mock/template-faults: the outcome of the next template submissions (TemplateFault[]).
    if (req.method === "POST" && url.pathname === "/__mock/template-faults") {
      templateFaults.push(...(body as TemplateFault[]));
      return send(201, { ok: true });
    }
    if (options.accessToken && req.headers.authorization?.replace(/^OAuth /, "Bearer ") !== `Bearer ${options.accessToken}`) {
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
    // Resumable Upload API: POST /{v}/app/uploads?file_name&file_length&file_type opens a session…
    if (req.method === "POST" && parts.length === 3 && parts[1] === "app" && parts[2] === "uploads") {
      const fileLength = Number(url.searchParams.get("file_length"));
      const fileType = url.searchParams.get("file_type") ?? "";
      if (!fileLength || !/^(image\/(jpeg|png)|video\/mp4|application\/pdf)$/.test(fileType)) return send(400, metaErrorBody(100).body);
      const id = `upload:${randomBytes(12).toString("base64url")}`;
      uploadSessions.set(id, { fileName: url.searchParams.get("file_name") ?? "file", fileType, fileLength });
      return send(200, { id });
    }
    // …and POST /{v}/{upload-session-id} (Authorization: OAuth, file_offset: 0) takes the bytes and answers the handle.
    if (req.method === "POST" && parts.length === 2 && parts[1].startsWith("upload:")) {
      const session = uploadSessions.get(parts[1]);
      if (!session || !req.headers.authorization?.startsWith("OAuth ") || req.headers.file_offset !== "0") return send(400, metaErrorBody(100).body);
      if (raw.length !== session.fileLength) return send(400, metaErrorBody(100).body);
      const h = `4::${randomBytes(16).toString("base64url")}`;
      uploads.set(h, { data: raw, mimeType: session.fileType, fileName: session.fileName });
      uploadSessions.delete(parts[1]);
      return send(200, { h });
    }
    // POST /{v}/{waba-id}/message_templates: create
    if (req.method === "POST" && parts.length === 3 && parts[2] === "message_templates") {
      const t = body as { name?: string; language?: string; category?: string; components?: unknown[]; parameter_format?: string };
      if (!t?.name || !/^[a-z0-9_]{1,512}$/.test(t.name) || !t.language || !t.category || !Array.isArray(t.components)) {
        return send(400, templateError(100, 2388042, "Invalid parameter", "The template's name, language, category or components are missing or malformed."));
      }
      if (state.templates.some((x) => (!x.wabaId || x.wabaId === parts[1]) && x.name === t.name && x.language === t.language && x.status !== "DELETED")) {
        return send(400, templateError(100, 2388024, "Message template already exists", `There is already ${t.language} content for this template.`));
      }
      const fault = templateFaults.shift();
      if (fault && "metaError" in fault) return send(fault.metaError.httpStatus ?? 400, templateError(fault.metaError.code, fault.metaError.subcode, fault.metaError.title, fault.metaError.message));
      const created: MockTemplate = {
        wabaId: parts[1],
        id: String(1_842_736_459_000_000 + state.templates.length + Math.floor(Math.random() * 1000) * 1000),
        name: t.name,
        language: t.language,
        category: t.category,
        components: t.components,
        parameter_format: t.parameter_format?.toUpperCase(),
        status: fault?.status ?? "PENDING",
        ...(fault?.status === "REJECTED" && { rejected_reason: fault.reason ?? "INVALID_FORMAT" }),
      };
      state.templates.push(created);
      return send(200, { id: created.id, status: created.status, category: created.category });
    }
    // DELETE /{v}/{waba-id}/message_templates?name=…[&hsm_id=…]
    if (req.method === "DELETE" && parts.length === 3 && parts[2] === "message_templates") {
      const name = url.searchParams.get("name");
      const hsmId = url.searchParams.get("hsm_id");
      const hit = state.templates.filter((t) => (!t.wabaId || t.wabaId === parts[1]) && t.name === name && (!hsmId || t.id === hsmId) && t.status !== "DELETED");
      if (!name || !hit.length) return send(400, templateError(100, 2593002, "Message template not found", "The template does not exist."));
      if (hit.some((t) => t.status === "DISABLED")) return send(400, templateError(100, 2388091, "Cannot delete a disabled template", "Disabled templates cannot be deleted."));
      state.templates = state.templates.filter((t) => !hit.includes(t));
      return send(200, { success: true });
    }
    // POST /{v}/{template-id}: edit (components and/or category), back to review
    if (req.method === "POST" && parts.length === 2 && state.templates.some((t) => t.id === parts[1])) {
      const t = state.templates.find((x) => x.id === parts[1])!;
      const edit = body as { components?: unknown[]; category?: string };
      if (!["APPROVED", "REJECTED", "PAUSED"].includes(t.status)) {
        return send(400, templateError(100, 2388028, "Template can't be edited", `A template with status ${t.status} cannot be edited.`));
      }
      if (edit.category && t.status === "APPROVED" && edit.category !== t.category) {
        return send(400, templateError(100, 2388029, "Category can't be changed", "The category of an approved template cannot be changed."));
      }
      const fault = templateFaults.shift();
      if (fault && "metaError" in fault) return send(fault.metaError.httpStatus ?? 400, templateError(fault.metaError.code, fault.metaError.subcode, fault.metaError.title, fault.metaError.message));
      if (Array.isArray(edit.components)) t.components = edit.components;
      if (edit.category) t.category = edit.category;
      t.status = fault?.status ?? "PENDING";
      delete t.rejected_reason;
      if (fault?.status === "REJECTED") t.rejected_reason = fault.reason ?? "INVALID_FORMAT";
      return send(200, { success: true });
    }
    // GET /{v}/{waba-id}/message_templates (cursor paging)
    if (req.method === "GET" && parts.length === 3 && parts[2] === "message_templates") {
      const limit = Number(url.searchParams.get("limit") ?? 25);
      const start = Number(url.searchParams.get("after") ?? 0);
      const status = url.searchParams.get("status");
      const all = state.templates.filter((t) => (!t.wabaId || t.wabaId === parts[1]) && (!status || t.status.toLowerCase() === status.toLowerCase()));
      const data = all.slice(start, start + limit);
      const end = start + data.length;
      const next = end < all.length ? `${origin}${url.pathname}?${new URLSearchParams({ ...Object.fromEntries(url.searchParams), after: String(end) })}` : undefined;
      return send(200, { data, paging: { cursors: { before: String(start), after: String(end) }, ...(next && { next }) } });
    }
    const token = req.headers.authorization?.replace(/^Bearer /, "") ?? "";
    const canReadWaba = (wabaId: string) => wabaTokens.get(wabaId)?.has(token) ?? false;
    const numberView = (n: Required<Omit<MockPhoneNumber, "accessToken">>) => ({ id: n.phoneNumberId, display_phone_number: n.displayPhoneNumber, verified_name: n.verifiedName });
    // GET /{v}/{phone-number-id}: only a token of the number's WABA sees it.
    if (req.method === "GET" && parts.length === 2 && numbers.has(parts[1])) {
      const n = numbers.get(parts[1])!;
      return canReadWaba(n.wabaId) ? send(200, numberView(n)) : send(400, unreadableObject(parts[1]));
    }
    // GET /{v}/{waba-id}/phone_numbers (one page: tests register few numbers)
    if (req.method === "GET" && parts.length === 3 && parts[2] === "phone_numbers") {
      if (!canReadWaba(parts[1])) return send(400, unreadableObject(parts[1]));
      return send(200, { data: [...numbers.values()].filter((n) => n.wabaId === parts[1]).map(numberView), paging: { cursors: { before: "0", after: "0" } } });
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
  // A process-wide mock nobody closes must not keep the test worker alive.
  if (options.unref) server.unref();

  const mock: GraphMock = {
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
    uploads,
    failTemplates: (...f) => void templateFaults.push(...f),
    set templates(t: MockTemplate[]) {
      state.templates = t;
    },
    fail: (...f) => void faults.push(...f),
    addPhoneNumber,
    failMediaDownloads: (...f) => void mediaFaults.push(...f),
    messageCalls: () => state.calls.filter((c) => c.method === "POST" && c.path.endsWith("/messages") && (c.body as { status?: string })?.status !== "read"),
    reset() {
      faults.length = 0;
      mediaFaults.length = 0;
      templateFaults.length = 0;
      uploadSessions.clear();
      uploads.clear();
      state.calls = [];
      state.messages = [];
      state.media.clear();
      state.templates = [];
    },
    async close() {
      for (const r of hung) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      liveMocks().delete(origin);
    },
  };
  liveMocks().set(origin, mock);
  return mock;
}

/** The mocks this process started, by URL: registerPhoneNumber finds the one META_GRAPH_API_URL points at. */
export function liveMocks(): Map<string, GraphMock> {
  const g = globalThis as unknown as { __papoGraphMocks?: Map<string, GraphMock> };
  return (g.__papoGraphMocks ??= new Map());
}

/** Registers a number with a mock started in another process (by its URL), e.g. the e2e server's. */
export async function registerMockPhoneNumber(mockUrl: string, number: MockPhoneNumber): Promise<void> {
  const res = await fetch(`${mockUrl}/__mock/phone-numbers`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(number) });
  if (res.status !== 201) throw new Error(`graph mock refused the number: HTTP ${res.status}`);
}

/** Meta's refusal of a template call: HTTP 400 with a user-facing title and message, like the real one. */
function templateError(code: number, subcode: number | undefined, title: string, message: string) {
  return {
    error: {
      message: "Invalid parameter",
      type: "OAuthException",
      code,
      ...(subcode && { error_subcode: subcode }),
      is_transient: false,
      error_user_title: title,
      error_user_msg: message,
      fbtrace_id: "AfakeTemplate",
    },
  };
}

/** Queues template outcomes on a mock started in another process (the e2e server's). */
export async function queueMockTemplateFaults(mockUrl: string, ...faults: TemplateFault[]): Promise<void> {
  const res = await fetch(`${mockUrl}/__mock/template-faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(faults) });
  if (res.status !== 201) throw new Error(`graph mock refused the template faults: HTTP ${res.status}`);
}

/** What Meta answers for an id the token may not read (or that does not exist): HTTP 400, code 100. */
function unreadableObject(id: string) {
  return {
    error: {
      message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      type: "GraphMethodException",
      code: 100,
      fbtrace_id: "AfakeUnreadable",
    },
  };
}
