import { createHash, randomInt } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { env } from "@/lib/env";

/**
 * Files a simulated customer sends, kept the way WhatsApp keeps them for a business: by media id, downloadable
 * through the (sandbox) Graph API with the channel's token — so Papo's inbound media download fetches them exactly
 * as it fetches Meta's. Stored under `<data dir>/sandbox-media/<channel>/`: the sandbox is a single-install tool,
 * so several processes sharing one PostgreSQL but not one disk would not see each other's sandbox files.
 */
export const SANDBOX_MEDIA_MAX_BYTES = 16 * 1024 * 1024;

const meta = z.object({ id: z.string(), mimeType: z.string(), sha256: z.string(), size: z.number(), filename: z.string().optional() });
export type SandboxMedia = z.infer<typeof meta>;

const dir = (channelId: string) => path.join(env().dataDir, "sandbox-media", z.uuid().parse(channelId));
const MEDIA_ID = /^\d{15,20}$/;

export async function saveSandboxMedia(channelId: string, file: { data: Uint8Array; mimeType: string; filename?: string }): Promise<SandboxMedia> {
  // Meta's media ids are numeric strings.
  const id = `${randomInt(1, 10)}${Array.from({ length: 15 }, () => randomInt(0, 10)).join("")}`;
  // Base64, as Meta writes it in webhooks and media lookups.
  const sha256 = createHash("sha256").update(file.data).digest("base64");
  const info: SandboxMedia = { id, mimeType: file.mimeType, sha256, size: file.data.byteLength, ...(file.filename && { filename: file.filename }) };
  await fs.mkdir(dir(channelId), { recursive: true });
  await fs.writeFile(path.join(dir(channelId), `${id}.bin`), file.data);
  await fs.writeFile(path.join(dir(channelId), `${id}.json`), JSON.stringify(info));
  return info;
}

export async function readSandboxMediaInfo(channelId: string, mediaId: string): Promise<SandboxMedia | null> {
  if (!MEDIA_ID.test(mediaId)) return null;
  try {
    return meta.parse(JSON.parse(await fs.readFile(path.join(dir(channelId), `${mediaId}.json`), "utf8")));
  } catch {
    return null;
  }
}

export async function readSandboxMediaBytes(channelId: string, mediaId: string): Promise<Uint8Array | null> {
  if (!MEDIA_ID.test(mediaId)) return null;
  try {
    return new Uint8Array(await fs.readFile(path.join(dir(channelId), `${mediaId}.bin`)));
  } catch {
    return null;
  }
}
