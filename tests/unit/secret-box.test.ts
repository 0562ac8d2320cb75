import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { resetMasterKeyForTests } from "@/lib/crypto/master-key";
import { resetEnvForTests } from "@/lib/env";

function useSecret(secret: string) {
  process.env.PAPO_SECRET = secret;
  resetEnvForTests();
  resetMasterKeyForTests();
}

describe("secret box (AES-256-GCM)", () => {
  beforeEach(() => useSecret("a".repeat(40)));

  it("round-trips and never contains the plaintext", () => {
    const sealed = encryptSecret("EAAG-secret-token-ção");
    expect(sealed).not.toContain("secret-token");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(decryptSecret(sealed)).toBe("EAAG-secret-token-ção");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same")).not.toBe(encryptSecret("same"));
  });

  it("detects tampering", () => {
    const [v, iv, tag, ct] = encryptSecret("payload").split(".");
    const flipped = Buffer.from(ct, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64url")].join("."))).toThrow();
  });

  it("cannot be opened with another key", () => {
    const sealed = encryptSecret("payload");
    useSecret("b".repeat(40));
    expect(() => decryptSecret(sealed)).toThrow();
  });
});

describe("master key", () => {
  it("is generated once into the data directory in embedded mode and reused", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "papo-key-"));
    delete process.env.PAPO_SECRET;
    delete process.env.DATABASE_URL;
    process.env.PAPO_DATA_DIR = dir;
    resetEnvForTests();
    resetMasterKeyForTests();
    const sealed = encryptSecret("kept");
    const file = fs.readFileSync(path.join(dir, "secret.key"), "utf8");
    expect(file.trim().length).toBeGreaterThanOrEqual(40);
    expect(fs.statSync(path.join(dir, "secret.key")).mode & 0o777).toBe(0o600);
    resetMasterKeyForTests();
    expect(decryptSecret(sealed)).toBe("kept");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is a clear start-up error in production on Postgres without PAPO_SECRET", async () => {
    const saved = { ...process.env };
    delete process.env.PAPO_SECRET;
    process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:5432/x";
    (process.env as Record<string, string>).NODE_ENV = "production";
    resetEnvForTests();
    resetMasterKeyForTests();
    try {
      expect(() => encryptSecret("x")).toThrow(/PAPO_SECRET is not set/);
    } finally {
      process.env = saved;
      resetEnvForTests();
      resetMasterKeyForTests();
    }
  });
});
