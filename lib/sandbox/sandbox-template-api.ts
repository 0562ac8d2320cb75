import { createHash, randomBytes, randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { sandboxTemplates, type Channel, type SandboxTemplate } from "@/db/schema";
import { sendJobEvents } from "@/lib/jobs";

/**
 * Meta's template endpoints as a sandbox number's Graph API answers them (app/api/sandbox/graph). Submissions are
 * kept in `sandbox_templates` ("Meta's side") and reviewed a few seconds later by sandbox-review-template, which
 * reports the verdict through the channel's own status webhook. Each function returns Meta's answer body, or a
 * `{ error }` in Meta's words for the route to send with its HTTP status.
 */
export type MetaAnswer = { status: number; body: unknown };

const createBody = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/),
  language: z.string().min(2).max(20),
  category: z.enum(["MARKETING", "UTILITY", "AUTHENTICATION"]),
  parameter_format: z.string().optional(),
  components: z.array(z.record(z.string(), z.unknown())).min(1).max(10),
});
const editBody = z.object({ components: z.array(z.record(z.string(), z.unknown())).min(1).max(10).optional(), category: z.string().optional() });

export function metaError(status: number, code: number, title: string, message: string, subcode?: number): MetaAnswer {
  return {
    status,
    body: {
      error: {
        message: "Invalid parameter",
        type: "OAuthException",
        code,
        ...(subcode && { error_subcode: subcode }),
        error_user_title: title,
        error_user_msg: message,
        fbtrace_id: randomBytes(12).toString("base64url"),
      },
    },
  };
}

export async function createSandboxTemplate(channel: Channel, raw: unknown): Promise<MetaAnswer> {
  const parsed = createBody.safeParse(raw);
  if (!parsed.success) return metaError(400, 100, "Invalid parameter", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), 2388042);
  const t = parsed.data;
  // 15 digits, like Meta's ids: the status webhook carries it as a JSON number, exact only below 2^53 (16 digits
  // came back off by one now and then).
  const metaTemplateId = String(randomInt(100_000_000, 999_999_999)) + String(randomInt(100_000, 999_999));
  const [row] = await getDb()
    .insert(sandboxTemplates)
    .values({
      channelId: channel.id,
      wabaId: channel.wabaId,
      metaTemplateId,
      name: t.name,
      language: t.language,
      category: t.category,
      parameterFormat: t.parameter_format?.toUpperCase() ?? null,
      components: t.components,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return metaError(400, 100, "Message template already exists", `There is already ${t.language} content for this template.`, 2388024);
  await requestReview(row);
  return { status: 200, body: { id: row.metaTemplateId, status: row.status, category: row.category } };
}

export async function editSandboxTemplate(channels: Channel[], metaTemplateId: string, raw: unknown): Promise<MetaAnswer | null> {
  const row = await findByMetaId(channels, metaTemplateId);
  if (!row) return null;
  const parsed = editBody.safeParse(raw);
  if (!parsed.success) return metaError(400, 100, "Invalid parameter", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  if (!["APPROVED", "REJECTED", "PAUSED"].includes(row.status)) return metaError(400, 100, "Template can't be edited", `A template with status ${row.status} cannot be edited.`, 2388028);
  if (parsed.data.category && row.status === "APPROVED" && parsed.data.category !== row.category) {
    return metaError(400, 100, "Category can't be changed", "The category of an approved template cannot be changed.", 2388029);
  }
  const [updated] = await getDb()
    .update(sandboxTemplates)
    .set({
      status: "PENDING",
      rejectedReason: null,
      ...(parsed.data.components && { components: parsed.data.components }),
      ...(parsed.data.category && { category: parsed.data.category }),
      updatedAt: new Date(),
    })
    .where(eq(sandboxTemplates.id, row.id))
    .returning();
  await requestReview(updated);
  return { status: 200, body: { success: true } };
}

export async function deleteSandboxTemplates(channel: Channel, name: string | null, hsmId: string | null): Promise<MetaAnswer> {
  if (!name) return metaError(400, 100, "Invalid parameter", "name is required");
  const where = and(eq(sandboxTemplates.wabaId, channel.wabaId), eq(sandboxTemplates.name, name), ...(hsmId ? [eq(sandboxTemplates.metaTemplateId, hsmId)] : []));
  const gone = await getDb().delete(sandboxTemplates).where(where).returning({ id: sandboxTemplates.id });
  if (!gone.length) return metaError(400, 100, "Message template not found", "The template does not exist.", 2593002);
  return { status: 200, body: { success: true } };
}

/** The WABA's submitted templates in Meta's list shape (GET message_templates). */
export async function listSandboxTemplates(wabaId: string) {
  const rows = await getDb().select().from(sandboxTemplates).where(eq(sandboxTemplates.wabaId, wabaId));
  return rows.map((r) => ({
    id: r.metaTemplateId,
    name: r.name,
    language: r.language,
    status: r.status,
    category: r.category,
    ...(r.parameterFormat && { parameter_format: r.parameterFormat }),
    components: r.components,
    ...(r.rejectedReason && { rejected_reason: r.rejectedReason }),
  }));
}

/**
 * Resumable Upload API, statelessly: the session id carries the announced length and type, and the handle is a
 * digest of the bytes (Meta's handles are opaque too; the sandbox review never looks at the sample).
 */
export function openSandboxUpload(params: URLSearchParams): MetaAnswer {
  const fileLength = Number(params.get("file_length"));
  const fileType = params.get("file_type") ?? "";
  if (!Number.isInteger(fileLength) || fileLength <= 0 || fileLength > 100 * 1024 * 1024 || !/^[\w.+-]+\/[\w.+-]+$/.test(fileType)) {
    return metaError(400, 100, "Invalid parameter", "file_length and file_type are required");
  }
  return { status: 200, body: { id: `upload:${Buffer.from(JSON.stringify({ l: fileLength, t: fileType, n: randomBytes(6).toString("hex") })).toString("base64url")}` } };
}

export function finishSandboxUpload(sessionId: string, bytes: Uint8Array, fileOffset: string | null): MetaAnswer {
  let session: { l?: unknown };
  try {
    session = JSON.parse(Buffer.from(sessionId.slice("upload:".length), "base64url").toString("utf8"));
  } catch {
    return metaError(400, 100, "Invalid parameter", "Unknown upload session");
  }
  if (fileOffset !== "0" || session.l !== bytes.byteLength) return metaError(400, 100, "Invalid parameter", "Send the whole file from file_offset 0");
  return { status: 200, body: { h: `4::sandbox-${createHash("sha256").update(bytes).digest("base64url").slice(0, 32)}` } };
}

async function findByMetaId(channels: Channel[], metaTemplateId: string): Promise<SandboxTemplate | null> {
  if (!/^\d{1,30}$/.test(metaTemplateId)) return null;
  const [row] = await getDb().select().from(sandboxTemplates).where(eq(sandboxTemplates.metaTemplateId, metaTemplateId));
  return row && channels.some((c) => c.wabaId === row.wabaId) ? row : null;
}

async function requestReview(row: SandboxTemplate) {
  await sendJobEvents({
    id: `papo-sandbox-review-${row.metaTemplateId}-${row.updatedAt.getTime()}`,
    name: "papo/sandbox.template_submitted",
    data: { channelId: row.channelId, metaTemplateId: row.metaTemplateId },
  });
}
