import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, type Channel } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { z } from "zod";
import { internalOrigin } from "@/lib/http/internal-origin";
import { SANDBOX_TEMPLATES } from "@/lib/sandbox/demo-templates";
import {
  createSandboxTemplate,
  deleteSandboxTemplates,
  editSandboxTemplate,
  finishSandboxUpload,
  listSandboxTemplates,
  metaError,
  openSandboxUpload,
  type MetaAnswer,
} from "@/lib/sandbox/sandbox-template-api";
import { graphMarkReadBody, graphSendBody } from "@/lib/sandbox/graph-send-body";
import { readSandboxMediaBytes, readSandboxMediaInfo, saveSandboxMedia } from "@/lib/sandbox/sandbox-media-store";
import { newWamid } from "@/lib/sandbox/wamid";

/**
 * Papo as the Graph API of its sandbox channels (graph-client-for-channel.ts points them here). Implements
 * POST /{version}/{phone-number-id}/media (upload, answers `{ id }`) and POST /{version}/{phone-number-id}/messages like Meta: Bearer = the channel's access token, Meta's validation
 * errors and success body with a fresh wamid. It stores nothing: it hands the accepted message to
 * sandbox-deliver-statuses, which sends the sent/delivered/read webhooks back to the channel's webhook URL.
 * GET /{version}/{media-id} and the download URL it returns serve the files simulated customers sent
 * (sandbox-media-store.ts), so inbound media download works unchanged. GET /{version}/{waba-id}/message_templates
 * answers the demo templates (lib/sandbox/demo-templates.ts), so the Templates page and template sends work without Meta.
 */
export const dynamic = "force-dynamic";

type Route = { params: Promise<{ path: string[] }> };
const VERSION = /^v\d+\.\d+$/;

export async function POST(req: Request, route: Route) {
  const [version, phoneNumberId, edge, ...rest] = (await route.params).path;
  if (VERSION.test(version ?? "") && phoneNumberId && !rest.length && (edge === undefined || edge === "message_templates" || (phoneNumberId === "app" && edge === "uploads"))) {
    return templatePost(req, phoneNumberId, edge);
  }
  if (!VERSION.test(version ?? "") || (edge !== "messages" && edge !== "media") || rest.length || !phoneNumberId) {
    return graphError(400, 100, "Unsupported post request. Object does not exist, cannot be loaded due to missing permissions, or does not support this operation");
  }
  const channel = await sandboxChannelByNumber(phoneNumberId);
  if (!channel) return graphError(404, 100, `Unsupported post request. Object with ID '${phoneNumberId}' does not exist`);
  if (!tokenMatches(req, channel)) return graphError(401, 190, "Invalid OAuth access token - Cannot parse access token", "OAuthException");
  if (channel.status !== "active") return graphError(400, 131031, "Account has been locked");
  if (edge === "media") return uploadMedia(req, channel);

  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    return graphError(400, 100, "Invalid parameter", "OAuthException", "The request body must be JSON");
  }
  if (graphMarkReadBody.safeParse(raw).success) return Response.json({ success: true });
  const parsed = graphSendBody.safeParse(raw);
  if (!parsed.success) {
    return graphError(400, 100, "Invalid parameter", "OAuthException", parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  }
  const body = parsed.data;
  const waMessageId = newWamid();
  const waId = body.to?.replace(/\D/g, "");
  try {
    await inngest.send({
      id: `papo-sandbox-outbound-${waMessageId}`,
      name: "papo/sandbox.outbound",
      data: {
        organizationId: channel.organizationId,
        channelId: channel.id,
        waMessageId,
        recipientId: waId ?? body.recipient!,
        ...(body.biz_opaque_callback_data !== undefined && { callbackData: body.biz_opaque_callback_data }),
      },
    });
  } catch {
    return graphError(500, 1, "An unknown error occurred", "OAuthException");
  }
  return Response.json({
    messaging_product: "whatsapp",
    contacts: [body.to ? { input: body.to, wa_id: waId } : { input: body.recipient, user_id: body.recipient }],
    messages: [{ id: waMessageId }],
  });
}

export async function GET(req: Request, route: Route) {
  const parts = (await route.params).path;
  // The download URL handed out below (Meta's is lookaside.fbsbx.com): GET media/{channel}/{media-id}, same Bearer.
  if (parts[0] === "media" && parts.length === 3) return downloadMedia(req, parts[1], parts[2]);
  const [version, objectId, edge, ...rest] = parts;
  if (!VERSION.test(version ?? "") || !objectId || rest.length) return graphError(400, 100, "Unsupported get request");
  if (edge === undefined) return mediaInfo(req, objectId, new URL(req.url).searchParams.get("phone_number_id"));
  if (edge !== "message_templates") return graphError(400, 100, "Unsupported get request");
  const candidates = await getDb()
    .select()
    .from(channels)
    .where(and(eq(channels.wabaId, objectId), eq(channels.provider, "sandbox"), isNull(channels.deletedAt)));
  if (!candidates.some((c) => tokenMatches(req, c))) return graphError(401, 190, "Invalid OAuth access token - Cannot parse access token", "OAuthException");
  const status = new URL(req.url).searchParams.get("status")?.toUpperCase();
  const data = [...SANDBOX_TEMPLATES, ...(await listSandboxTemplates(objectId))].filter((t) => !status || t.status === status);
  return Response.json({ data, paging: { cursors: {} } });
}

/**
 * DELETE /{version}/{waba-id}/message_templates?name=…[&hsm_id=…]: deletes submitted templates (the demo ones are
 * Meta's fixtures and stay).
 */
export async function DELETE(req: Request, route: Route) {
  const [version, wabaId, edge, ...rest] = (await route.params).path;
  if (!VERSION.test(version ?? "") || !wabaId || edge !== "message_templates" || rest.length) return graphError(400, 100, "Unsupported delete request");
  const channel = (await sandboxChannelsByWaba(wabaId)).find((c) => tokenMatches(req, c));
  if (!channel) return graphError(401, 190, "Invalid OAuth access token - Cannot parse access token", "OAuthException");
  const params = new URL(req.url).searchParams;
  return answer(await deleteSandboxTemplates(channel, params.get("name"), params.get("hsm_id")));
}

/**
 * Meta's template endpoints (lib/sandbox/sandbox-template-api.ts): POST /{waba-id}/message_templates (create, then
 * reviewed by sandbox-review-template through the status webhook), POST /{template-id} (edit), and the Resumable
 * Upload API for media samples (POST /app/uploads, POST /{upload-session-id} with `Authorization: OAuth`).
 */
async function templatePost(req: Request, objectId: string, edge: string | undefined): Promise<Response> {
  const unauthorized = () => graphError(401, 190, "Invalid OAuth access token - Cannot parse access token", "OAuthException");
  if (objectId === "app" && edge === "uploads") {
    if (!(await sandboxChannelForToken(req))) return unauthorized();
    return answer(openSandboxUpload(new URL(req.url).searchParams));
  }
  if (objectId.startsWith("upload:") && edge === undefined) {
    if (!(await sandboxChannelForToken(req))) return unauthorized();
    return answer(finishSandboxUpload(objectId, new Uint8Array(await req.arrayBuffer()), req.headers.get("file_offset")));
  }
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    return graphError(400, 100, "Invalid parameter", "OAuthException", "The request body must be JSON");
  }
  if (edge === "message_templates") {
    const channel = (await sandboxChannelsByWaba(objectId)).find((c) => tokenMatches(req, c));
    if (!channel) return unauthorized();
    const t = raw as { name?: unknown; language?: unknown };
    if (SANDBOX_TEMPLATES.some((d) => d.name === t?.name && d.language === t?.language)) {
      return answer(metaError(400, 100, "Message template already exists", `There is already ${String(t.language)} content for this template.`, 2388024));
    }
    return answer(await createSandboxTemplate(channel, raw));
  }
  const channel = await sandboxChannelForToken(req);
  if (!channel) return unauthorized();
  const edited = await editSandboxTemplate([channel], objectId, raw);
  return edited ? answer(edited) : graphError(400, 100, `Unsupported post request. Object with ID '${objectId}' does not exist`);
}

const answer = (a: MetaAnswer) => Response.json(a.body, { status: a.status });

function sandboxChannelsByWaba(wabaId: string): Promise<Channel[]> {
  return getDb()
    .select()
    .from(channels)
    .where(and(eq(channels.wabaId, wabaId), eq(channels.provider, "sandbox"), isNull(channels.deletedAt)));
}

/** The sandbox channel whose token this is (calls that name no number or WABA: uploads, template edits). */
async function sandboxChannelForToken(req: Request): Promise<Channel | null> {
  const all = await getDb()
    .select()
    .from(channels)
    .where(and(eq(channels.provider, "sandbox"), isNull(channels.deletedAt)));
  return all.find((c) => tokenMatches(req, c)) ?? null;
}

/**
 * POST /{version}/{phone-number-id}/media (multipart: file, type, messaging_product=whatsapp), answering `{ id }`
 * like Meta. The file joins the customer's files in sandbox-media-store.ts, so the media lookup and download below
 * serve it too. Meta checks the type and size per kind; Papo checks those before uploading (lib/media/check-media.ts),
 * so here only the form and Meta's largest cap (documents, 100 MB) are enforced.
 */
async function uploadMedia(req: Request, channel: Channel) {
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return graphError(400, 100, "Invalid parameter", "OAuthException", "The request body must be multipart/form-data");
  }
  const file = form.get("file");
  const type = form.get("type");
  if (form.get("messaging_product") !== "whatsapp") return graphError(400, 100, "Invalid parameter", "OAuthException", "messaging_product: must be whatsapp");
  if (!(file instanceof File) || file.size === 0) return graphError(400, 100, "Invalid parameter", "OAuthException", "file: required");
  if (typeof type !== "string" || !/^[\w.+-]+\/[\w.+-]+$/.test(type)) return graphError(400, 100, "Invalid parameter", "OAuthException", "type: a MIME type is required");
  if (file.size > UPLOAD_MAX_BYTES) return graphError(400, 131053, "Media upload error", "OAuthException", "The file is larger than 100 MB");
  const stored = await saveSandboxMedia(channel.id, { data: new Uint8Array(await file.arrayBuffer()), mimeType: type, filename: file.name || undefined });
  return Response.json({ id: stored.id });
}
const UPLOAD_MAX_BYTES = 100 * 1024 * 1024;

/** GET /{version}/{media-id}?phone_number_id=…: Meta's media lookup, for files a simulated customer sent. */
async function mediaInfo(req: Request, mediaId: string, phoneNumberId: string | null) {
  const channel = phoneNumberId ? await sandboxChannelByNumber(phoneNumberId) : null;
  if (!channel) return graphError(400, 100, `Unsupported get request. Object with ID '${mediaId}' does not exist`);
  if (!tokenMatches(req, channel)) return graphError(401, 190, "Invalid OAuth access token - Cannot parse access token", "OAuthException");
  const info = await readSandboxMediaInfo(channel.id, mediaId);
  if (!info) return graphError(400, 100, `Unsupported get request. Object with ID '${mediaId}' does not exist`);
  return Response.json({
    messaging_product: "whatsapp",
    url: `${internalOrigin()}/api/sandbox/graph/media/${channel.id}/${info.id}`,
    mime_type: info.mimeType,
    sha256: info.sha256,
    file_size: info.size,
    id: info.id,
  });
}

async function downloadMedia(req: Request, channelId: string, mediaId: string) {
  const channel = z.uuid().safeParse(channelId).success
    ? (await getDb().select().from(channels).where(and(eq(channels.id, channelId), eq(channels.provider, "sandbox"), isNull(channels.deletedAt))))[0]
    : undefined;
  if (!channel || !tokenMatches(req, channel)) return new Response("Not found", { status: 404 });
  const [info, bytes] = await Promise.all([readSandboxMediaInfo(channel.id, mediaId), readSandboxMediaBytes(channel.id, mediaId)]);
  if (!info || !bytes) return new Response("Not found", { status: 404 });
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": info.mimeType, "content-length": String(bytes.byteLength) } });
}

async function sandboxChannelByNumber(phoneNumberId: string): Promise<Channel | null> {
  const [channel] = await getDb()
    .select()
    .from(channels)
    .where(and(eq(channels.phoneNumberId, phoneNumberId), eq(channels.provider, "sandbox"), isNull(channels.deletedAt)));
  return channel ?? null;
}

/** Constant time: both sides are hashed first, so lengths never differ and nothing leaks through timing. */
function tokenMatches(req: Request, channel: Channel): boolean {
  const given = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1]?.trim();
  if (!given || !channel.accessTokenEncrypted) return false;
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(given), digest(decryptSecret(channel.accessTokenEncrypted)));
}

/** Meta's error body: `{ error: { message: "(#code) …", type, code, error_data, fbtrace_id } }`. */
function graphError(status: number, code: number, message: string, type = "OAuthException", details?: string) {
  return Response.json(
    {
      error: {
        message: `(#${code}) ${message}`,
        type,
        code,
        ...(details && { error_data: { messaging_product: "whatsapp", details } }),
        fbtrace_id: randomBytes(12).toString("base64url"),
      },
    },
    { status },
  );
}
