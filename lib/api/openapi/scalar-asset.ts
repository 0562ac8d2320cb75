import fs from "node:fs/promises";
import path from "node:path";

/** Scalar's browser bundle and its lazily loaded chunks, served from Papo's own origin so the reference works offline. */
const ASSET_DIR = path.join(process.cwd(), "node_modules", "@scalar", "api-reference", "dist", "browser");

/** The file under the bundle's folder, or null for anything else (`..`, other extensions, missing files). */
export async function readScalarAsset(segments: string[]): Promise<Buffer | null> {
  if (!segments.length || segments.some((s) => !/^[A-Za-z0-9._-]+$/.test(s) || s.startsWith("."))) return null;
  const file = path.join(ASSET_DIR, ...segments);
  if (!file.startsWith(ASSET_DIR + path.sep) || !file.endsWith(".js")) return null;
  return fs.readFile(file).catch(() => null);
}
