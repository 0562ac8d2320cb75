import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { baileysMessage, envelope, EVENT_CONSTANTS, gatewayMessageId, qrCode, type CustomerMessage, type EvolutionEventName } from "./evolution-payloads";

export type EvolutionState = "open" | "connecting" | "close";
export type MockWebhook = { enabled: boolean; url: string; headers: Record<string, string>; byEvents: boolean; base64: boolean; events: string[] };
export type MockInstance = {
  name: string;
  id: string;
  token: string;
  state: EvolutionState;
  ownerJid: string | null;
  profileName: string | null;
  qrCount: number;
  webhook: MockWebhook | null;
};
export type EvolutionCall = { method: string; path: string; apikey?: string; body: unknown };
export type SentMessage = { instance: string; endpoint: string; id: string; body: Record<string, unknown> };
export type WebhookDelivery = { event: EvolutionEventName; url: string; headers: Record<string, string>; body: Record<string, unknown>; status: number };
/** What the next send does instead of succeeding. */
/**
 * A send's fault: an error answer (nothing sent), a dropped connection before sending, or `sentThenDrop` — the
 * gateway sends the message (and announces it with send.message) but the answer never reaches Papo.
 */
export type EvolutionFault = { status: number; message?: string } | { drop: true } | { sentThenDrop: true };

/** How webhooks reach Papo: over HTTP by default; integration tests hand them straight to the route handler. */
export type Deliver = (url: string, headers: Record<string, string>, body: string) => Promise<number>;

export type EvolutionMock = {
  /** Base URL of the gateway (what a user types as "server URL"). */
  url: string;
  /** The global API key (AUTHENTICATION_API_KEY): accepted for every instance. */
  apiKey: string;
  calls: EvolutionCall[];
  sent: SentMessage[];
  deliveries: WebhookDelivery[];
  instances: Map<string, MockInstance>;
  /** Makes an instance exist before Papo asks (to adopt it). */
  addInstance(name: string, opts?: { state?: EvolutionState; ownerJid?: string }): MockInstance;
  fail(...faults: EvolutionFault[]): void;
  /** The phone scanned the QR: the instance opens and CONNECTION_UPDATE says so. */
  link(name: string, opts?: { phone?: string; profileName?: string }): Promise<WebhookDelivery | null>;
  /** WhatsApp dropped the session (428: connection closed; 401: logged out). */
  drop(name: string, statusReason?: number): Promise<WebhookDelivery | null>;
  /** A new QR code (Baileys rotates them every ~20 s until linked). */
  refreshQr(name: string): Promise<WebhookDelivery | null>;
  /** A customer (or, with `group`, a group member) writes to the linked number. Resolves to the gateway's id. */
  customerSends(name: string, m: { from: string; pushName?: string; id?: string; group?: string; timestamp?: number } & CustomerMessage): Promise<{ id: string; delivery: WebhookDelivery | null }>;
  /** The status of a message Papo sent moves on (SERVER_ACK, DELIVERY_ACK, READ, PLAYED, ERROR). */
  ack(name: string, keyId: string, status: "SERVER_ACK" | "DELIVERY_ACK" | "READ" | "PLAYED" | "ERROR"): Promise<WebhookDelivery | null>;
  reset(): void;
  close(): Promise<void>;
};

const SEND_ENDPOINTS = new Set(["sendText", "sendMedia", "sendWhatsAppAudio", "sendSticker", "sendLocation", "sendContact", "sendReaction", "sendButtons", "sendList"]);

/**
 * An Evolution API v2 stand-in on 127.0.0.1 (random port): instances (create, fetch, connect → QR, connection
 * state), per-instance webhooks (set / find), sends, and the webhooks a real gateway posts (messages.upsert,
 * messages.update, send.message, connection.update, qrcode.updated) with the configured custom headers. Routes,
 * status codes and bodies follow Evolution's own routers and DTOs; every call is recorded.
 */
export async function startEvolutionMock(options: { apiKey?: string; deliver?: Deliver } = {}): Promise<EvolutionMock> {
  const apiKey = options.apiKey ?? "evo-global-key-0123456789";
  const instances = new Map<string, MockInstance>();
  const calls: EvolutionCall[] = [];
  const sent: SentMessage[] = [];
  /** Customers' media by message id, for getBase64FromMediaMessage. */
  const media = new Map<string, { bytes: Uint8Array; mimetype: string }>();
  const deliveries: WebhookDelivery[] = [];
  const faults: EvolutionFault[] = [];
  let origin = "";

  const deliver: Deliver =
    options.deliver ??
    (async (url, headers, body) => {
      try {
        const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
        await res.arrayBuffer();
        return res.status;
      } catch {
        return 0;
      }
    });

  async function post(instance: MockInstance, event: EvolutionEventName, data: unknown): Promise<WebhookDelivery | null> {
    const w = instance.webhook;
    if (!w?.enabled || !w.events.includes(EVENT_CONSTANTS[event])) return null;
    const url = w.byEvents ? `${w.url.replace(/\/$/, "")}/${event.replace(".", "-")}` : w.url;
    const body = envelope(event, instance, data, origin, w.url);
    const status = await deliver(url, w.headers, JSON.stringify(body));
    const delivery = { event, url, headers: w.headers, body, status };
    deliveries.push(delivery);
    return delivery;
  }

  const newInstance = (name: string, token = randomUUID().toUpperCase()): MockInstance => ({
    name,
    id: randomUUID(),
    token,
    state: "close",
    ownerJid: null,
    profileName: null,
    qrCount: 0,
    webhook: null,
  });

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://mock");
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return answer(400, { status: 400, error: "Bad Request", response: { message: ["Invalid JSON"] } });
    }
    const key = req.headers.apikey as string | undefined;
    calls.push({ method: req.method ?? "GET", path: url.pathname + url.search, apikey: key, body });
    function answer(status: number, payload: unknown) {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    }
    const notFound = (name: string) => answer(404, { status: 404, error: "Not Found", response: { message: [`The "${name}" instance does not exist`] } });
    const [, area, action, rawName] = url.pathname.split("/");
    const name = rawName ? decodeURIComponent(rawName) : "";
    const instance = name ? instances.get(name) : undefined;
    // Global key for everything; an instance's own token for that instance's routes.
    if (key !== apiKey && !(instance && key === instance.token)) return answer(401, { status: 401, error: "Unauthorized", response: { message: "Unauthorized" } });

    if (req.method === "POST" && area === "instance" && action === "create") {
      const instanceName = typeof body.instanceName === "string" ? body.instanceName : "";
      if (!instanceName) return answer(400, { status: 400, error: "Bad Request", response: { message: ["instanceName is required"] } });
      if (instances.has(instanceName)) return answer(403, { status: 403, error: "Forbidden", response: { message: [`This name "${instanceName}" is already in use.`] } });
      const created = newInstance(instanceName, typeof body.token === "string" && body.token ? body.token : undefined);
      instances.set(instanceName, created);
      let qrcode: unknown = undefined;
      if (body.qrcode === true) {
        created.state = "connecting";
        qrcode = qrCode(++created.qrCount);
      }
      return answer(201, {
        instance: { instanceName, instanceId: created.id, integration: body.integration ?? "WHATSAPP-BAILEYS", webhookWaBusiness: null, accessTokenWaBusiness: "", status: created.state },
        hash: created.token,
        webhook: {},
        websocket: {},
        rabbitmq: {},
        sqs: {},
        settings: { rejectCall: false, msgCall: "", groupsIgnore: false, alwaysOnline: false, readMessages: false, readStatus: false, syncFullHistory: false },
        ...(qrcode ? { qrcode } : {}),
      });
    }
    if (req.method === "GET" && area === "instance" && action === "fetchInstances") {
      const wanted = url.searchParams.get("instanceName");
      const list = [...instances.values()].filter((i) => !wanted || i.name === wanted);
      if (wanted && !list.length) return notFound(wanted);
      return answer(200, list.map((i) => ({ id: i.id, name: i.name, connectionStatus: i.state, ownerJid: i.ownerJid, profileName: i.profileName, integration: "WHATSAPP-BAILEYS", number: null, token: i.token })));
    }
    if (!instance) return notFound(name || url.pathname);
    if (req.method === "GET" && area === "instance" && action === "connect") {
      if (instance.state === "open") return answer(200, { instance: { instanceName: instance.name, state: "open" } });
      instance.state = "connecting";
      return answer(200, qrCode(++instance.qrCount));
    }
    if (req.method === "GET" && area === "instance" && action === "connectionState") {
      return answer(200, { instance: { instanceName: instance.name, state: instance.state } });
    }
    if (req.method === "POST" && area === "webhook" && action === "set") {
      const w = (body.webhook ?? {}) as Partial<MockWebhook>;
      if (typeof w.url !== "string" || !/^https?:\/\//.test(w.url)) return answer(400, { status: 400, error: "Bad Request", response: { message: ["webhook.url is invalid"] } });
      instance.webhook = { enabled: w.enabled ?? true, url: w.url, headers: w.headers ?? {}, byEvents: w.byEvents ?? false, base64: w.base64 ?? false, events: w.events ?? [] };
      return answer(201, { id: randomUUID(), url: w.url, enabled: instance.webhook.enabled, events: instance.webhook.events, headers: instance.webhook.headers, webhookByEvents: instance.webhook.byEvents, webhookBase64: instance.webhook.base64, instanceId: instance.id });
    }
    if (req.method === "GET" && area === "webhook" && action === "find") {
      return answer(200, instance.webhook ? { ...instance.webhook, instanceId: instance.id } : null);
    }
    if (req.method === "POST" && area === "chat" && action === "getBase64FromMediaMessage") {
      if (!instance) return notFound(name);
      const keyId = String((body.message as { key?: { id?: unknown } } | undefined)?.key?.id ?? "");
      const stored = media.get(keyId);
      if (!stored) return answer(400, { status: 400, error: "Bad Request", response: { message: ["Message not found"] } });
      return answer(201, { mediaType: "image", fileName: null, caption: null, size: { fileLength: String(stored.bytes.length) }, mimetype: stored.mimetype, base64: Buffer.from(stored.bytes).toString("base64") });
    }
    if (req.method === "POST" && area === "message" && SEND_ENDPOINTS.has(action)) {
      const fault = faults.shift();
      if (fault && "drop" in fault) return req.socket.destroy();
      if (fault && "status" in fault) return answer(fault.status, { status: fault.status, error: http.STATUS_CODES[fault.status], response: { message: [fault.message ?? "Internal error"] } });
      if (instance.state !== "open") return answer(400, { status: 400, error: "Bad Request", response: { message: ["Connection Closed"] } });
      const number = typeof body.number === "string" ? body.number : "";
      const remoteJid = action === "sendReaction" ? String((body.key as { remoteJid?: string } | undefined)?.remoteJid ?? "") : `${number}@s.whatsapp.net`;
      if (!/^\d{8,15}@s\.whatsapp\.net$/.test(remoteJid)) return answer(400, { status: 400, error: "Bad Request", response: { message: [{ exists: false, jid: remoteJid, number }] } });
      const id = gatewayMessageId();
      sent.push({ instance: instance.name, endpoint: action, id, body });
      const message = {
        key: { remoteJid, fromMe: true, id },
        pushName: "",
        status: "PENDING",
        message: sentContent(action, body),
        messageType: action === "sendText" ? "conversation" : `${action.replace(/^send/, "").replace(/^WhatsApp/, "").toLowerCase()}Message`,
        messageTimestamp: Math.floor(Date.now() / 1000),
        instanceId: instance.id,
        source: "unknown",
      };
      if (fault && "sentThenDrop" in fault) {
        req.socket.destroy();
        await post(instance, "send.message", message);
        return;
      }
      answer(201, message);
      await post(instance, "send.message", message);
      return;
    }
    return answer(404, { status: 404, error: "Not Found", response: { message: [`Cannot ${req.method} ${url.pathname}`] } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const must = (name: string) => {
    const i = instances.get(name);
    if (!i) throw new Error(`No Evolution instance ${name}`);
    return i;
  };

  return {
    url: origin,
    apiKey,
    calls,
    sent,
    deliveries,
    instances,
    addInstance(name, opts = {}) {
      const i = newInstance(name);
      i.state = opts.state ?? "close";
      i.ownerJid = opts.ownerJid ?? null;
      instances.set(name, i);
      return i;
    },
    fail: (...f) => void faults.push(...f),
    async link(name, opts = {}) {
      const i = must(name);
      i.state = "open";
      i.ownerJid = `${(opts.phone ?? "5511955550123").replace(/\D/g, "")}@s.whatsapp.net`;
      i.profileName = opts.profileName ?? "Loja Exemplo";
      return post(i, "connection.update", { instance: i.name, wuid: i.ownerJid, profileName: i.profileName, profilePictureUrl: null, state: "open", statusReason: 200 });
    },
    async drop(name, statusReason = 428) {
      const i = must(name);
      i.state = "close";
      return post(i, "connection.update", { instance: i.name, state: "close", statusReason });
    },
    async refreshQr(name) {
      const i = must(name);
      i.state = "connecting";
      const qr = qrCode(++i.qrCount);
      return post(i, "qrcode.updated", { qrcode: { instance: i.name, pairingCode: qr.pairingCode, code: qr.code, base64: qr.base64 } });
    },
    async customerSends(name, m) {
      const i = must(name);
      const id = m.id ?? gatewayMessageId();
      const from = m.from.replace(/\D/g, "");
      const { message, messageType } = baileysMessage(m);
      if ("media" in m) media.set(id, { bytes: m.media.bytes, mimetype: m.media.mimetype });
      const delivery = await post(i, "messages.upsert", {
        key: m.group ? { remoteJid: `${m.group}@g.us`, fromMe: false, id, participant: `${from}@s.whatsapp.net` } : { remoteJid: `${from}@s.whatsapp.net`, fromMe: false, id },
        pushName: m.pushName ?? "Cliente",
        status: "DELIVERY_ACK",
        message: { ...message, messageContextInfo: { deviceListMetadataVersion: 2 } },
        messageType,
        messageTimestamp: m.timestamp ?? Math.floor(Date.now() / 1000),
        instanceId: i.id,
        source: "android",
      });
      return { id, delivery };
    },
    async ack(name, keyId, status) {
      const i = must(name);
      const to = sent.find((s) => s.id === keyId);
      const remoteJid = to ? `${String(to.body.number ?? "")}@s.whatsapp.net` : "";
      return post(i, "messages.update", { messageId: randomUUID(), keyId, remoteJid, fromMe: true, participant: remoteJid, status, instanceId: i.id });
    },
    reset() {
      calls.length = 0;
      sent.length = 0;
      deliveries.length = 0;
      faults.length = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sentContent(action: string, body: Record<string, unknown>): Record<string, unknown> {
  switch (action) {
    case "sendText":
      return { conversation: body.text };
    case "sendMedia":
      return { [`${String(body.mediatype)}Message`]: { url: body.media, caption: body.caption, fileName: body.fileName } };
    case "sendLocation":
      return { locationMessage: { degreesLatitude: body.latitude, degreesLongitude: body.longitude, name: body.name, address: body.address } };
    case "sendContact":
      return { contactsArrayMessage: { contacts: body.contact } };
    case "sendReaction":
      return { reactionMessage: { key: body.key, text: body.reaction } };
    default:
      return { [`${action.replace(/^send/, "").toLowerCase()}Message`]: body };
  }
}
