import fs from "node:fs";
import path from "node:path";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifySignature } from "@/lib/whatsapp/verify-signature";

const dir = path.resolve(__dirname, "../../fixtures/meta");
const vector = fs.readFileSync(path.join(dir, "signature_test_vector.txt"), "utf8");
const secret = /App secret \(fake\): (\S+)/.exec(vector)![1];
const expected = /Expected header\s+X-Hub-Signature-256: (sha256=[0-9a-f]{64})/.exec(vector)![1];
const naive = /\(WRONG, differs\): (sha256=[0-9a-f]{64})/.exec(vector)![1];
const body = new Uint8Array(fs.readFileSync(path.join(dir, "signature_test_vector_body.json")));

describe("verifySignature", () => {
  it("accepts Meta's test vector over the raw bytes", () => {
    expect(verifySignature(body, expected, secret)).toBe(true);
    expect(verifySignature(body, expected.toUpperCase().replace("SHA256=", "sha256="), secret)).toBe(true);
  });

  it("the escaped-Unicode trap: the body holds \\uXXXX escapes, and re-serialising changes the bytes", () => {
    const text = new TextDecoder().decode(body);
    expect(text).toContain("\\u00e9");
    const reserialised = new TextEncoder().encode(JSON.stringify(JSON.parse(text)));
    expect(`sha256=${createHmac("sha256", secret).update(reserialised).digest("hex")}`).toBe(naive);
    expect(verifySignature(reserialised, expected, secret)).toBe(false);
    expect(verifySignature(body, naive, secret)).toBe(false);
  });

  it("refuses a missing, malformed or wrong signature, and the wrong secret", () => {
    expect(verifySignature(body, null, secret)).toBe(false);
    expect(verifySignature(body, "", secret)).toBe(false);
    expect(verifySignature(body, expected.slice("sha256=".length), secret)).toBe(false);
    expect(verifySignature(body, "sha1=" + expected.slice(7), secret)).toBe(false);
    expect(verifySignature(body, expected.slice(0, -2), secret)).toBe(false);
    expect(verifySignature(body, expected.slice(0, -1) + (expected.endsWith("b") ? "c" : "b"), secret)).toBe(false);
    expect(verifySignature(body, expected, secret + "x")).toBe(false);
    expect(verifySignature(body, expected, "")).toBe(false);
    const tampered = new Uint8Array(body);
    tampered[10] ^= 1;
    expect(verifySignature(tampered, expected, secret)).toBe(false);
  });
});
