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

  it("WHATSAPP_SEND_RATE_PER_SECOND: Meta's 80/s by default (also when empty), a whole number from 1 to 1000", () => {
    delete process.env.WHATSAPP_SEND_RATE_PER_SECOND;
    resetEnvForTests();
    expect(env().WHATSAPP_SEND_RATE_PER_SECOND).toBe(80);
    process.env.WHATSAPP_SEND_RATE_PER_SECOND = "";
    resetEnvForTests();
    expect(env().WHATSAPP_SEND_RATE_PER_SECOND).toBe(80);
    process.env.WHATSAPP_SEND_RATE_PER_SECOND = " 250 ";
    resetEnvForTests();
    expect(env().WHATSAPP_SEND_RATE_PER_SECOND).toBe(250);
    for (const bad of ["0", "1001", "2.5", "fast"]) {
      process.env.WHATSAPP_SEND_RATE_PER_SECOND = bad;
      resetEnvForTests();
      expect(() => env()).toThrow(/WHATSAPP_SEND_RATE_PER_SECOND: WHATSAPP_SEND_RATE_PER_SECOND (must|is at most)/);
    }
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
  it("PAPO_RUN_RETENTION_DAYS: 14 by default (also when empty), a whole number of days from 1", () => {
    delete process.env.PAPO_RUN_RETENTION_DAYS;
    resetEnvForTests();
    expect(env().PAPO_RUN_RETENTION_DAYS).toBe(14);
    process.env.PAPO_RUN_RETENTION_DAYS = "";
    resetEnvForTests();
    expect(env().PAPO_RUN_RETENTION_DAYS).toBe(14);
    process.env.PAPO_RUN_RETENTION_DAYS = " 30 ";
    resetEnvForTests();
    expect(env().PAPO_RUN_RETENTION_DAYS).toBe(30);
    for (const bad of ["0", "1.5", "forever"]) {
      process.env.PAPO_RUN_RETENTION_DAYS = bad;
      resetEnvForTests();
      expect(() => env()).toThrow(/PAPO_RUN_RETENTION_DAYS/);
    }
  });

  it("PAPO_EXECUTOR: on by default; off (web only) and worker (executor only) are accepted, nothing else", () => {
    delete process.env.PAPO_EXECUTOR;
    resetEnvForTests();
    expect(env().PAPO_EXECUTOR).toBe("on");
    for (const mode of ["off", "worker"] as const) {
      process.env.PAPO_EXECUTOR = mode;
      resetEnvForTests();
      expect(env().PAPO_EXECUTOR).toBe(mode);
    }
    process.env.PAPO_EXECUTOR = "web";
    resetEnvForTests();
    expect(() => env()).toThrow(/PAPO_EXECUTOR/);
  });
});
