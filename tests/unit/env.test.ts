import { afterEach, describe, expect, it } from "vitest";
import { env, resetEnvForTests } from "@/lib/env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe("env", () => {
  it("reports every invalid variable in one readable message", () => {
    process.env.DATABASE_URL = "mysql://nope";
    process.env.PORT = "99999";
    process.env.PAPO_SECRET = "short";
    resetEnvForTests();
    let message = "";
    try {
      env();
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^Invalid environment configuration/);
    expect(message).toContain("DATABASE_URL: DATABASE_URL must start with postgres://");
    expect(message).toContain("PORT:");
    expect(message).toContain("PAPO_SECRET: PAPO_SECRET must be at least 32 characters");
  });

  it("defaults to the embedded database in ./.data on port 3000", () => {
    delete process.env.DATABASE_URL;
    delete process.env.PAPO_DATA_DIR;
    delete process.env.PORT;
    delete process.env.PAPO_PUBLIC_URL;
    resetEnvForTests();
    const e = env();
    expect(e.embedded).toBe(true);
    expect(e.dataDir.endsWith("/.data")).toBe(true);
    expect(e.publicUrl).toBe("http://localhost:3000");
  });
});
