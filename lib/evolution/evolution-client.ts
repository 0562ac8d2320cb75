import { EvolutionApiError } from "./evolution-api-error";

export type EvolutionConnection = "open" | "connecting" | "close";
export type EvolutionInstanceInfo = { name: string; state: EvolutionConnection; ownerJid: string | null };
export type EvolutionQr = { base64: string | null; code: string | null };

/** The five webhooks Papo registers for every instance (Evolution's event constants). */
export const EVOLUTION_EVENTS = ["MESSAGES_UPSERT", "MESSAGES_UPDATE", "SEND_MESSAGE", "CONNECTION_UPDATE", "QRCODE_UPDATED"] as const;
/** The header every webhook of a channel carries: its per-channel secret (Evolution sends custom headers). */
export const EVOLUTION_SECRET_HEADER = "x-papo-webhook-secret";

const TIMEOUT_MS = 15_000;

/**
 * Evolution API v2 over HTTP (`apikey` header). Only the calls Papo needs: find or create an instance, ask for its
 * QR code or state, register its webhook, and POST a prepared send request (lib/messages/providers).
 */
export function evolutionClient(baseUrl: string, apiKey: string) {
  const root = baseUrl.replace(/\/+$/, "");
  async function call(method: "GET" | "POST", path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    let res: Response;
    try {
      res = await fetch(`${root}${path}`, {
        method,
        headers: { apikey: apiKey, ...(body !== undefined && { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: "error",
      });
    } catch (err) {
      // Before any answer: a GET is safe to retry; a POST (a send) may have reached the gateway.
      const reason = (err as Error)?.name === "TimeoutError" ? "timed out" : "could not be reached";
      throw new EvolutionApiError(`The Evolution server ${reason}`, null, method === "GET" ? "safe" : "ambiguous");
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, json };
  }
  const fail = (status: number, json: unknown, what: string): never => {
    const detail = messageOf(json);
    if (status === 401 || status === 403) throw new EvolutionApiError(`The Evolution server refused the API key${detail ? ` (${detail})` : ""}`, status, "never");
    if (status === 429 || status >= 500) throw new EvolutionApiError(`${what} failed on the Evolution server (HTTP ${status}${detail ? `: ${detail}` : ""})`, status, "safe");
    throw new EvolutionApiError(`${what} was refused (HTTP ${status}${detail ? `: ${detail}` : ""})`, status, "never");
  };
  const at = (name: string) => encodeURIComponent(name);

  return {
    /** The instance, or null when the gateway has none by that name. */
    async findInstance(name: string): Promise<EvolutionInstanceInfo | null> {
      const { status, json } = await call("GET", `/instance/fetchInstances?instanceName=${at(name)}`);
      if (status === 404) return null;
      if (status !== 200) return fail(status, json, "Looking up the instance");
      const list = Array.isArray(json) ? (json as Record<string, unknown>[]) : [];
      const found = list.find((i) => i.name === name || (i.instance as { instanceName?: string } | undefined)?.instanceName === name);
      if (!found) return null;
      return { name, state: stateOf(found.connectionStatus), ownerJid: typeof found.ownerJid === "string" ? found.ownerJid : null };
    },
    async createInstance(name: string): Promise<EvolutionQr> {
      const { status, json } = await call("POST", "/instance/create", { instanceName: name, qrcode: true, integration: "WHATSAPP-BAILEYS" });
      if (status !== 201 && status !== 200) return fail(status, json, "Creating the instance");
      return qrOf((json as { qrcode?: unknown } | null)?.qrcode);
    },
    /** A fresh QR code while the instance is not linked; null once it is open. */
    async connect(name: string): Promise<EvolutionQr | null> {
      const { status, json } = await call("GET", `/instance/connect/${at(name)}`);
      if (status !== 200) return fail(status, json, "Asking for a QR code");
      if ((json as { instance?: { state?: string } } | null)?.instance?.state === "open") return null;
      return qrOf(json);
    },
    async connectionState(name: string): Promise<EvolutionConnection> {
      const { status, json } = await call("GET", `/instance/connectionState/${at(name)}`);
      if (status !== 200) return fail(status, json, "Reading the connection state");
      return stateOf((json as { instance?: { state?: unknown } } | null)?.instance?.state);
    },
    async setWebhook(name: string, url: string, secret: string): Promise<void> {
      const { status, json } = await call("POST", `/webhook/set/${at(name)}`, {
        webhook: { enabled: true, url, headers: { [EVOLUTION_SECRET_HEADER]: secret }, byEvents: false, base64: false, events: [...EVOLUTION_EVENTS] },
      });
      if (status !== 201 && status !== 200) fail(status, json, "Registering the webhook");
    },
    /**
     * The decrypted bytes of a message's media (POST /chat/getBase64FromMediaMessage/{instance}, by the message's
     * key id). Reading only: repeating it is safe, whatever happened to the first request.
     */
    async mediaOf(name: string, messageId: string): Promise<{ data: Uint8Array; mimeType: string | null }> {
      const { status, json } = await call("POST", `/chat/getBase64FromMediaMessage/${at(name)}`, { message: { key: { id: messageId } }, convertToMp4: false }).catch((err: unknown) => {
        if (err instanceof EvolutionApiError) throw new EvolutionApiError(err.message, err.status, "safe");
        throw err;
      });
      if (status !== 200 && status !== 201) return fail(status, json, "Downloading the media");
      const body = (json ?? {}) as { base64?: unknown; mimetype?: unknown };
      if (typeof body.base64 !== "string" || !body.base64) throw new EvolutionApiError("The Evolution server returned no media", status, "never");
      return { data: new Uint8Array(Buffer.from(body.base64.replace(/^data:[^,]*,/, ""), "base64")), mimeType: typeof body.mimetype === "string" ? body.mimetype : null };
    },
    /** POSTs a prepared send (`/message/send…/{instance}`); resolves to the gateway's message id. */
    async send(path: string, body: Record<string, unknown>): Promise<{ id: string }> {
      const { status, json } = await call("POST", path, body);
      if (status !== 201 && status !== 200) return fail(status, json, "Sending");
      const id = (json as { key?: { id?: unknown } } | null)?.key?.id;
      // Accepted without an id we could match statuses to: it may have gone; never resend blindly.
      if (typeof id !== "string" || !id) throw new EvolutionApiError("The Evolution server accepted the message without an id", status, "ambiguous");
      return { id };
    },
  };
}

export type EvolutionClient = ReturnType<typeof evolutionClient>;

function stateOf(v: unknown): EvolutionConnection {
  return v === "open" ? "open" : v === "connecting" ? "connecting" : "close";
}

function qrOf(v: unknown): EvolutionQr {
  const q = (v ?? {}) as { base64?: unknown; code?: unknown };
  return { base64: typeof q.base64 === "string" && q.base64.startsWith("data:image/") ? q.base64 : null, code: typeof q.code === "string" ? q.code : null };
}

function messageOf(json: unknown): string {
  const m = (json as { response?: { message?: unknown } } | null)?.response?.message;
  const text = Array.isArray(m) ? m.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join("; ") : typeof m === "string" ? m : "";
  return text.slice(0, 300);
}
