import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { assertMediaKey, type MediaStorage } from "./media-storage";

/**
 * Media as files under `<root>/<organizationId>/<uuid>.<ext>` (root = `${dataDir}/media`). Keys are validated
 * against the one shape `mediaKey` produces and the resolved path is checked to stay inside the root, so a key can
 * never point outside it. Writes go to a temporary file first and are renamed into place (no half files).
 */
export class LocalMediaStorage implements MediaStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathFor(key: string): string {
    assertMediaKey(key);
    const full = path.resolve(this.root, ...key.split("/"));
    if (!full.startsWith(this.root + path.sep)) throw new Error("Media key escapes the storage root");
    return full;
  }

  /** The content type is not kept on disk: the attachment row holds the sniffed type the file is served with. */
  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    void contentType;
    const file = this.pathFor(key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${randomUUID()}.tmp`;
    try {
      const handle = await fs.promises.open(tmp, "wx", 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.promises.rename(tmp, file);
    } catch (err) {
      await fs.promises.rm(tmp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<{ body: ReadableStream<Uint8Array>; size: number } | null> {
    const file = this.pathFor(key);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
    if (!stat.isFile()) return null;
    const body = Readable.toWeb(fs.createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
    return { body, size: stat.size };
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.pathFor(key), { force: true });
  }
}
