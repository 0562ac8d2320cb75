import { Writable } from "node:stream";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { LOG_LIMITS, REDACTED } from "@/lib/log/bound-log-value";
import { createLogger } from "@/lib/log/logger";

/** A logger writing into memory: what would have gone to stdout, one parsed JSON object per line. */
function capture(level: "info" | "warn" = "info") {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("logger: bounded sizes", () => {
  it("a failed query with a 3 MB parameter logs a few KB, without the parameter", () => {
    const { logger, lines, parsed } = capture();
    const payload = "p".repeat(3 * 1024 * 1024);
    const cause = Object.assign(new Error("value too long for type character varying(200)"), { code: "22001", parameters: [payload] });
    const err = new DrizzleQueryError("insert into contacts (name) values ($1)", [payload], cause);

    logger.error({ err }, "unexpected error");

    expect(lines).toHaveLength(1);
    expect(lines[0].length).toBeLessThan(16 * 1024);
    expect(lines[0]).not.toContain("pppppppppppppppppppp".repeat(100));
    const line = parsed()[0] as { err: { type: string; query: string; message: string; cause: { code: string; message: string } } };
    expect(line.err.type).toBe("DrizzleQueryError");
    expect(line.err.query).toBe("insert into contacts (name) values ($1)");
    expect(line.err.message).toContain("params: [not logged]");
    expect(line.err.cause).toMatchObject({ code: "22001", message: "value too long for type character varying(200)" });
  });

  it("long strings are cut with a note, long arrays and objects are capped, deep nesting stops", () => {
    const { logger, parsed } = capture();
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 10_000; i++) deep = { deeper: deep };
    const wide = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]));

    logger.info({ text: "a".repeat(50_000), list: Array.from({ length: 1000 }, (_, i) => i), wide, deep }, "b".repeat(50_000));

    const line = parsed()[0] as { text: string; list: unknown[]; wide: Record<string, unknown>; deep: unknown; msg: string };
    expect(line.text.startsWith("a".repeat(LOG_LIMITS.string))).toBe(true);
    expect(line.text).toContain(`[${50_000 - LOG_LIMITS.string} more chars]`);
    expect(line.msg.length).toBeLessThan(LOG_LIMITS.string + 50);
    expect(line.list).toHaveLength(LOG_LIMITS.items + 1);
    expect(line.list.at(-1)).toBe(`[${1000 - LOG_LIMITS.items} more items]`);
    expect(Object.keys(line.wide)).toHaveLength(LOG_LIMITS.items + 1);
    expect(JSON.stringify(line.deep)).toContain("[…]");
    expect(JSON.stringify(line.deep).length).toBeLessThan(500);
  });
});

describe("logger: secrets", () => {
  it("redacts tokens, passwords, authorization headers and app secrets at any depth", () => {
    const { logger, lines, parsed } = capture();
    logger.warn(
      {
        req: { headers: { authorization: "Bearer papo_sk_live_123", cookie: "next-auth.session-token=abc", "x-hub-signature-256": "sha256=beef" } },
        channel: { accessToken: "EAAG-secret-token", appSecret: "0123456789abcdef", name: "Loja" },
        user: { email: "a@example.test", password: "correct horse battery", passwordHash: "$2b$..." },
        api_key: "papo_sk_other",
      },
      "request failed",
    );
    const line = parsed()[0] as Record<string, Record<string, Record<string, unknown>>>;
    for (const secret of ["papo_sk_live_123", "session-token=abc", "EAAG-secret-token", "0123456789abcdef", "correct horse battery", "papo_sk_other", "sha256=beef"]) {
      expect(lines[0]).not.toContain(secret);
    }
    expect(line.req.headers.authorization).toBe(REDACTED);
    expect(line.channel.accessToken).toBe(REDACTED);
    expect(line.channel.name).toBe("Loja");
    expect(line.user.email).toBe("a@example.test");
    expect(line.user.password).toBe(REDACTED);
  });
});

describe("logger: levels", () => {
  it("writes nothing below the configured level", () => {
    const { logger, parsed } = capture("warn");
    logger.info("hidden");
    logger.debug("hidden too");
    logger.warn("shown");
    expect(parsed().map((l) => l.msg)).toEqual(["shown"]);
  });
});
