import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { LocalMediaStorage } from "@/lib/media/local-media-storage";
import { mediaKey } from "@/lib/media/media-storage";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "papo-media-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("LocalMediaStorage", () => {
  const storage = new LocalMediaStorage(root);

  it("put → get → delete under <root>/<organizationId>/<uuid>.<ext>", async () => {
    const org = randomUUID();
    const key = mediaKey(org, randomUUID(), "png");
    await storage.put(key, new Uint8Array([1, 2, 3]), "image/png");
    expect(fs.existsSync(path.join(root, ...key.split("/")))).toBe(true);
    const got = await storage.get(key);
    expect(got?.size).toBe(3);
    expect(new Uint8Array(await new Response(got!.body).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key);
  });

  it("refuses any key mediaKey could not have made (no traversal)", async () => {
    for (const key of ["../x", `${randomUUID()}/../../etc/passwd`, "/etc/passwd", `${randomUUID()}/a.png`, `${randomUUID()}\\${randomUUID()}`, ""]) {
      await expect(storage.put(key, new Uint8Array([1]), "image/png")).rejects.toThrow(/Invalid media storage key/);
      await expect(storage.get(key)).rejects.toThrow(/Invalid media storage key/);
    }
    expect(() => mediaKey("../..", randomUUID())).toThrow();
    expect(() => mediaKey(randomUUID(), randomUUID(), "p/ng")).toThrow();
  });
});
