import { describe, expect, it } from "vitest";
import { checkMedia, type MediaKind } from "@/lib/media/check-media";
import { sniffMediaType } from "@/lib/media/sniff-media-type";
import { EXE, JPEG, OGG_OPUS, PDF, PNG, WEBP } from "@/tests/support/media-bytes";

async function inspect(kind: MediaKind, declaredMime: string | null, bytes: Uint8Array, animated?: boolean) {
  return checkMedia({ kind, declaredMime, bytes, sniffed: await sniffMediaType(bytes), animated });
}
const padded = (head: Uint8Array, size: number) => {
  const out = new Uint8Array(size);
  out.set(head);
  return out;
};

describe("sniffMediaType", () => {
  it("recognises real headers whatever was declared", async () => {
    expect(await sniffMediaType(JPEG)).toEqual({ mime: "image/jpeg", ext: "jpg" });
    expect(await sniffMediaType(PNG)).toEqual({ mime: "image/png", ext: "png" });
    expect(await sniffMediaType(PDF)).toEqual({ mime: "application/pdf", ext: "pdf" });
    expect((await sniffMediaType(OGG_OPUS))?.mime).toMatch(/^audio\/ogg/);
    expect(await sniffMediaType(WEBP)).toEqual({ mime: "image/webp", ext: "webp" });
    expect((await sniffMediaType(EXE))?.ext).toBe("exe");
    expect(await sniffMediaType(new TextEncoder().encode("olá, tudo bem?"))).toBeUndefined();
    expect(await sniffMediaType(new Uint8Array())).toBeUndefined();
  });
});

describe("checkMedia", () => {
  it("an .exe declared as image/jpeg is blocked, with the sniffed type in the reason", async () => {
    const result = await inspect("image", "image/jpeg", EXE);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/application\/x-msdownload.*\.exe.*declared as image\/jpeg.*not allowed in an image message/);
  });

  it("accepts each kind's real types, with the sniffed content type and extension", async () => {
    expect(await inspect("image", "image/jpeg", JPEG)).toEqual({ ok: true, contentType: "image/jpeg", ext: "jpg" });
    // The declaration does not matter when the bytes are an allowed type.
    expect(await inspect("image", "image/jpeg", PNG)).toEqual({ ok: true, contentType: "image/png", ext: "png" });
    expect(await inspect("document", "application/pdf", PDF)).toEqual({ ok: true, contentType: "application/pdf", ext: "pdf" });
    expect(await inspect("audio", "audio/ogg; codecs=opus", OGG_OPUS)).toEqual({ ok: true, contentType: "audio/ogg", ext: "ogg" });
    expect(await inspect("sticker", "image/webp", WEBP)).toEqual({ ok: true, contentType: "image/webp", ext: "webp" });
  });

  it("the sniffed type must fit the message kind", async () => {
    expect((await inspect("image", "image/jpeg", PDF)).ok).toBe(false);
    expect((await inspect("audio", "audio/ogg", JPEG)).ok).toBe(false);
    expect((await inspect("document", "application/pdf", EXE)).ok).toBe(false);
    expect((await inspect("sticker", "image/webp", PNG)).ok).toBe(false);
    expect((await inspect("video", "video/mp4", OGG_OPUS)).ok).toBe(false);
  });

  it("size caps per kind (image 5 MB, sticker 100 KB static / 500 KB animated) and empty files", async () => {
    const bigJpeg = padded(JPEG, 5 * 1024 * 1024 + 1);
    const big = await inspect("image", "image/jpeg", bigJpeg);
    expect(big).toMatchObject({ ok: false, reason: expect.stringMatching(/at most 5\.0 MB/) });
    expect((await inspect("image", "image/jpeg", padded(JPEG, 5 * 1024 * 1024))).ok).toBe(true);
    // A 100 MB cap for documents means a 6 MB PDF is fine.
    expect((await inspect("document", "application/pdf", padded(PDF, 6 * 1024 * 1024))).ok).toBe(true);
    const sticker = padded(WEBP, 200 * 1024);
    expect(await inspect("sticker", "image/webp", sticker)).toMatchObject({ ok: false, reason: expect.stringMatching(/static sticker may be at most 100 KB/) });
    expect((await inspect("sticker", "image/webp", sticker, true)).ok).toBe(true);
    expect(await inspect("image", "image/jpeg", new Uint8Array())).toEqual({ ok: false, reason: "The file is empty" });
  });

  it("text/plain: accepted only when declared so and the bytes are UTF-8 without NULs", async () => {
    const text = new TextEncoder().encode("Pedido nº 42 — obrigado!\n");
    expect(await inspect("document", "text/plain", text)).toEqual({ ok: true, contentType: "text/plain", ext: "txt" });
    expect((await inspect("document", "application/pdf", text)).ok).toBe(false);
    expect((await inspect("image", "text/plain", text)).ok).toBe(false);
    const withNul = new Uint8Array([...text, 0, 65]);
    expect(await inspect("document", "text/plain", withNul)).toMatchObject({ ok: false, reason: expect.stringMatching(/not UTF-8 text/) });
    const latin1 = new Uint8Array([0x6f, 0x6c, 0xe1, 0x0a]);
    expect((await inspect("document", "text/plain", latin1)).ok).toBe(false);
    // An executable declared as text/plain is sniffed, so the text rule never applies.
    expect((await inspect("document", "text/plain", EXE)).ok).toBe(false);
  });

  it("legacy Office (OLE compound file) needs a matching declaration", async () => {
    const cfb = padded(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 1024);
    const sniffed = await sniffMediaType(cfb);
    expect(sniffed?.mime).toBe("application/x-cfb");
    expect(checkMedia({ kind: "document", declaredMime: "application/msword", bytes: cfb, sniffed })).toEqual({ ok: true, contentType: "application/msword", ext: "doc" });
    expect(checkMedia({ kind: "document", declaredMime: "application/octet-stream", bytes: cfb, sniffed }).ok).toBe(false);
  });
});
