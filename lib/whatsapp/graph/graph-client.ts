import { z } from "zod";
import { buildSendBody, type Recipient, type SendOptions } from "./build-send-body";
import { classifyGraphResponse, classifyNetworkError } from "./classify-failure";
import { GraphApiError } from "./graph-error";
import type { MetaTemplateBody } from "@/lib/whatsapp/templates/draft/draft-to-components";
import type {
  ButtonsMessage,
  ContactsMessage,
  CtaUrlMessage,
  ListMessage,
  LocationMessage,
  MediaMessage,
  OutboundMessageInput,
  ReactionMessage,
  TemplateMessage,
  TextMessage,
} from "./message-schema";

export type GraphClientConfig = {
  /** e.g. https://graph.facebook.com (META_GRAPH_API_URL). */
  baseUrl: string;
  /** e.g. v24.0 (META_GRAPH_API_VERSION). */
  version: string;
  phoneNumberId: string;
  /** WhatsApp Business Account id: needed for template listing only. */
  wabaId?: string;
  accessToken: string;
  fetch?: typeof fetch;
  /** Per request; past it the call is abandoned and counts as ambiguous. */
  timeoutMs?: number;
};

export type SendResult = {
  waMessageId: string;
  /** Meta's normalised wa_id for the recipient, when returned. */
  waId?: string;
  /** Only for paced templates: "accepted" | "held_for_quality_assessment". */
  messageStatus?: string;
};

/** For backoff hints on throughput errors. */
export type CallOptions = SendOptions & { attempt?: number };

const sendResponse = z.object({
  messages: z.array(z.object({ id: z.string(), message_status: z.string().optional() })).min(1),
  contacts: z.array(z.object({ input: z.string().optional(), wa_id: z.string().optional() })).optional(),
});
const mediaInfo = z.object({ url: z.string(), mime_type: z.string(), sha256: z.string().optional(), file_size: z.union([z.string(), z.number()]).optional(), id: z.string() });
const templatePage = z.object({
  data: z.array(z.looseObject({ id: z.string(), name: z.string(), language: z.string(), status: z.string(), category: z.string().optional() })),
  paging: z.object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
});
const phoneNumber = z.looseObject({ id: z.string(), display_phone_number: z.string().optional(), verified_name: z.string().optional() });
const phoneNumberPage = z.object({
  data: z.array(phoneNumber),
  paging: z.object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
});
/** Meta's view of a business number (GET /{phone-number-id}, GET /{waba-id}/phone_numbers). */
export type PhoneNumberInfo = z.infer<typeof phoneNumber>;
const PHONE_NUMBER_FIELDS = "id,display_phone_number,verified_name";
export type TemplateSummary = z.infer<typeof templatePage>["data"][number];
const createdTemplate = z.looseObject({ id: z.string().min(1), status: z.string().default("PENDING"), category: z.string().optional() });
export type CreatedTemplate = z.infer<typeof createdTemplate>;
export type MediaInfo = z.infer<typeof mediaInfo>;

type Message<T> = Omit<T, "type">;

/**
 * One WhatsApp business number's Graph API client. Every call either returns Meta's answer or throws a
 * GraphApiError carrying the retry policy; validation errors (ZodError) are thrown before any request.
 */
export function createGraphClient(config: GraphClientConfig) {
  const doFetch = config.fetch ?? fetch;
  const timeoutMs = config.timeoutMs ?? 20_000;
  const root = `${config.baseUrl.replace(/\/+$/, "")}/${config.version}`;

  async function call(
    method: string,
    pathOrUrl: string,
    init: { json?: unknown; form?: FormData; bytes?: Uint8Array; headers?: Record<string, string>; attempt?: number; raw?: boolean } = {},
  ) {
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${root}/${pathOrUrl}`;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const res = await doFetch(url, {
        method,
        headers: {
          authorization: `Bearer ${config.accessToken}`,
          ...(init.json !== undefined && { "content-type": "application/json" }),
          ...init.headers,
        },
        body: init.json !== undefined ? JSON.stringify(init.json) : (init.form ?? (init.bytes as Uint8Array<ArrayBuffer> | undefined)),
        signal: controller.signal,
      });
      // The body is read under the same timeout: a connection dropped mid-answer is as ambiguous as no answer.
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (!res.ok) throw errorFromResponse(res.status, bytes, init.attempt ?? 0);
      return { res, bytes };
    } catch (err) {
      if (err instanceof GraphApiError) throw err;
      throw classifyNetworkError(err, timedOut);
    } finally {
      clearTimeout(timer);
    }
  }

  async function json(method: string, path: string, init?: Parameters<typeof call>[2]) {
    const { res, bytes } = await call(method, path, init);
    try {
      return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    } catch (cause) {
      throw new GraphApiError({ httpStatus: res.status, code: null, title: "The Graph API answered with something that is not JSON", retry: "ambiguous", cause });
    }
  }

  async function send(recipient: Recipient, message: OutboundMessageInput, options: CallOptions = {}): Promise<SendResult> {
    const body = buildSendBody(recipient, message, options);
    const parsed = sendResponse.safeParse(await json("POST", `${config.phoneNumberId}/messages`, { json: body, attempt: options.attempt }));
    if (!parsed.success) {
      // 2xx without a wamid: Meta probably accepted something, we cannot tell what.
      throw new GraphApiError({ httpStatus: 200, code: null, title: "The Graph API accepted the call but returned no message id", retry: "ambiguous" });
    }
    const [m] = parsed.data.messages;
    return { waMessageId: m.id, waId: parsed.data.contacts?.[0]?.wa_id, messageStatus: m.message_status };
  }

  const kind =
    <T extends { type: string }>(type: T["type"]) =>
    (recipient: Recipient, message: Message<T>, options?: CallOptions) =>
      send(recipient, { type, ...message } as unknown as OutboundMessageInput, options);

  return {
    config: { baseUrl: config.baseUrl, version: config.version, phoneNumberId: config.phoneNumberId },
    send,
    sendText: kind<TextMessage>("text"),
    sendMedia: (recipient: Recipient, message: MediaMessage, options?: CallOptions) => send(recipient, message, options),
    sendLocation: kind<LocationMessage>("location"),
    sendContacts: kind<ContactsMessage>("contacts"),
    sendReaction: kind<ReactionMessage>("reaction"),
    sendButtons: kind<ButtonsMessage>("buttons"),
    sendList: kind<ListMessage>("list"),
    sendCtaUrl: kind<CtaUrlMessage>("cta_url"),
    sendTemplate: kind<TemplateMessage>("template"),

    /** Marks an inbound message (and earlier ones) read; optionally shows "typing…" for up to 25 s. */
    async markRead(waMessageId: string, options: { typingIndicator?: boolean } = {}): Promise<void> {
      await json("POST", `${config.phoneNumberId}/messages`, {
        json: {
          messaging_product: "whatsapp",
          status: "read",
          message_id: waMessageId,
          ...(options.typingIndicator && { typing_indicator: { type: "text" } }),
        },
      });
    },

    /** Uploads a file; the returned media id is valid for 30 days. */
    async uploadMedia(file: { data: Uint8Array | Blob; mimeType: string; filename?: string }): Promise<{ id: string }> {
      const form = new FormData();
      form.set("messaging_product", "whatsapp");
      form.set("type", file.mimeType);
      const blob = file.data instanceof Blob ? file.data : new Blob([file.data as Uint8Array<ArrayBuffer>], { type: file.mimeType });
      form.set("file", blob, file.filename ?? "file");
      return z.object({ id: z.string() }).parse(await json("POST", `${config.phoneNumberId}/media`, { form }));
    },

    /** The media's short-lived (5 min) download URL and metadata. */
    async getMedia(mediaId: string): Promise<MediaInfo> {
      return mediaInfo.parse(await json("GET", `${encodeURIComponent(mediaId)}?phone_number_id=${encodeURIComponent(config.phoneNumberId)}`));
    },

    /** Fetches the bytes (the download URL needs the bearer token too). */
    async downloadMedia(mediaId: string): Promise<{ data: Uint8Array; mimeType: string; sha256?: string }> {
      const info = await this.getMedia(mediaId);
      const { bytes } = await call("GET", info.url);
      return { data: bytes, mimeType: info.mime_type, sha256: info.sha256 };
    },

    /** The channel's number as its access token sees it; a token that cannot read it gets Meta's error (100/33, 190…). */
    async getPhoneNumber(): Promise<PhoneNumberInfo> {
      return phoneNumber.parse(await json("GET", `${encodeURIComponent(config.phoneNumberId)}?fields=${PHONE_NUMBER_FIELDS}`));
    },

    /** Every number of the channel's WABA, following Meta's cursor paging. */
    async listPhoneNumbers(options: { pageSize?: number } = {}): Promise<PhoneNumberInfo[]> {
      if (!config.wabaId) throw new Error("listPhoneNumbers needs the channel's WhatsApp Business Account id (wabaId)");
      const params = new URLSearchParams({ fields: PHONE_NUMBER_FIELDS, limit: String(options.pageSize ?? 100) });
      const all: PhoneNumberInfo[] = [];
      for (let page = 0; page < 100; page++) {
        const data = phoneNumberPage.parse(await json("GET", `${encodeURIComponent(config.wabaId)}/phone_numbers?${params}`));
        all.push(...data.data);
        const after = data.paging?.cursors?.after;
        if (!data.paging?.next || !after) break;
        params.set("after", after);
      }
      return all;
    },

    /**
     * Submits a new template for review (POST /{waba-id}/message_templates): Meta answers its id, first status
     * (PENDING, or already APPROVED / REJECTED) and the category it settled on, which may differ from the one asked.
     */
    async createTemplate(body: MetaTemplateBody): Promise<CreatedTemplate> {
      if (!config.wabaId) throw new Error("createTemplate needs the channel's WhatsApp Business Account id (wabaId)");
      const parsed = createdTemplate.safeParse(await json("POST", `${encodeURIComponent(config.wabaId)}/message_templates`, { json: body }));
      if (!parsed.success) throw new GraphApiError({ httpStatus: 200, code: null, title: "The Graph API accepted the template but returned no id", retry: "ambiguous" });
      return parsed.data;
    },

    /** Replaces an existing template's components (and category, for one not yet approved): POST /{template-id}. */
    async editTemplate(templateId: string, body: { components: unknown[]; category?: string }): Promise<void> {
      await json("POST", encodeURIComponent(templateId), { json: body });
    },

    /** Deletes every language of a template by name, or only one when its id (hsm_id) is given. */
    async deleteTemplate(name: string, hsmId?: string): Promise<void> {
      if (!config.wabaId) throw new Error("deleteTemplate needs the channel's WhatsApp Business Account id (wabaId)");
      const params = new URLSearchParams({ name, ...(hsmId && { hsm_id: hsmId }) });
      await json("DELETE", `${encodeURIComponent(config.wabaId)}/message_templates?${params}`);
    },

    /**
     * A media header's sample through the Resumable Upload API: open a session (POST /app/uploads), send the bytes
     * in one piece from offset 0 (POST /{upload-session-id}, `Authorization: OAuth`), and get the handle (`h`) that
     * goes into the header's `example.header_handle`.
     */
    async uploadTemplateSample(file: { data: Uint8Array; mimeType: string; filename: string }): Promise<{ handle: string }> {
      const params = new URLSearchParams({ file_name: file.filename, file_length: String(file.data.byteLength), file_type: file.mimeType });
      const session = z.object({ id: z.string().min(1) }).parse(await json("POST", `app/uploads?${params}`));
      const done = z
        .object({ h: z.string().min(1) })
        .parse(await json("POST", session.id, { bytes: file.data, headers: { authorization: `OAuth ${config.accessToken}`, file_offset: "0" } }));
      return { handle: done.h };
    },

    /** Every template of the WABA, following Meta's cursor paging. */
    async listTemplates(options: { status?: string; pageSize?: number } = {}): Promise<TemplateSummary[]> {
      if (!config.wabaId) throw new Error("listTemplates needs the channel's WhatsApp Business Account id (wabaId)");
      const params = new URLSearchParams({ fields: "name,status,category,language,components,parameter_format,quality_score,rejected_reason", limit: String(options.pageSize ?? 100) });
      if (options.status) params.set("status", options.status);
      const all: TemplateSummary[] = [];
      for (let page = 0; page < 1000; page++) {
        const data = templatePage.parse(await json("GET", `${encodeURIComponent(config.wabaId)}/message_templates?${params}`));
        all.push(...data.data);
        const after = data.paging?.cursors?.after;
        if (!data.paging?.next || !after) break;
        params.set("after", after);
      }
      return all;
    },
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;

const errorBody = z.object({
  error: z.object({
    message: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    error_data: z.object({ details: z.string().optional() }).loose().optional(),
    fbtrace_id: z.string().optional(),
  }).loose(),
});

function errorFromResponse(status: number, bytes: Uint8Array, attempt: number): GraphApiError {
  let parsed: z.infer<typeof errorBody> | undefined;
  try {
    parsed = errorBody.parse(JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    parsed = undefined;
  }
  const e = parsed?.error;
  const code = e?.code ?? null;
  const { retry, retryAfterMs } = classifyGraphResponse(status, code, attempt);
  // Meta's message is "(#131047) Re-engagement message": keep the title without the code prefix.
  // Template calls say what is wrong in error_user_title / error_user_msg ("Message template already exists").
  const title = e?.error_user_title ?? e?.message?.replace(/^\(#\d+\)\s*/, "") ?? `Graph API answered HTTP ${status}`;
  return new GraphApiError({
    httpStatus: status,
    code,
    subcode: e?.error_subcode ?? null,
    title,
    details: e?.error_data?.details ?? e?.error_user_msg ?? null,
    fbtraceId: e?.fbtrace_id ?? null,
    retry,
    retryAfterMs,
  });
}
