import { describe, expect, it } from "vitest";
import { z, ZodError } from "zod";
import { readJson } from "@/lib/api/route";
import { MAX_JSON_BODY_BYTES } from "@/lib/api/read-body-text";
import { AppError, toErrorBody } from "@/lib/errors";

const schema = z.object({ name: z.string().max(80).optional(), tags: z.array(z.string()).optional(), meta: z.record(z.string(), z.unknown()).optional() });

const request = (body: string, method = "POST", headers: Record<string, string> = {}) =>
  new Request("http://papo.test/api/v1/x", { method, body, headers: { "content-type": "application/json", ...headers } });

/** What the route would answer: the status and error body readJson's failure maps to. */
async function answer(req: Request) {
  try {
    return { status: 200, value: await readJson(req, schema) };
  } catch (err) {
    expect(err instanceof AppError || err instanceof ZodError).toBe(true);
    const { status, body } = toErrorBody(err);
    return { status, body };
  }
}

describe("readJson: the one door for request bodies", () => {
  it("refuses a NUL anywhere in the body with a 422 naming the field", async () => {
    const res = await answer(request(JSON.stringify({ name: "ok", tags: ["fine", "bad\u0000tag"] })));
    expect(res).toMatchObject({ status: 422, body: { error: { code: "invalid_input", issues: [{ path: "tags.1" }] } } });
    expect(res.body!.error.message).toMatch(/^tags\.1: .*NUL/);
  });

  it("refuses a lone surrogate (as JSON escapes it) in a nested value, and in an object key", async () => {
    const value = await answer(request('{"meta":{"note":"\\ud800 half"}}'));
    expect(value).toMatchObject({ status: 422, body: { error: { issues: [{ path: "meta.note" }] } } });
    expect(value.body!.error.message).toContain("lone surrogate");
    const key = await answer(request('{"meta":{"\\udc00":"x"}}'));
    expect(key).toMatchObject({ status: 422, body: { error: { code: "invalid_input" } } });
    // The error body itself must be valid JSON text: the bad key is named escaped.
    expect(JSON.stringify(key.body).isWellFormed()).toBe(true);
  });

  it("decodes like Request.json(): a leading byte-order mark is accepted", async () => {
    expect(await answer(request('\ufeff{"name":"bom"}'))).toEqual({ status: 200, value: { name: "bom" } });
  });

  it("accepts real non-BMP text (a surrogate pair) and ordinary Unicode", async () => {
    const res = await answer(request(JSON.stringify({ name: "Olá 😀 ção", tags: ["日本"] })));
    expect(res).toEqual({ status: 200, value: { name: "Olá 😀 ção", tags: ["日本"] } });
  });

  it("checks at parse time, whatever the schema: a bad string in a key the schema would strip is still refused", async () => {
    const res = await answer(request(JSON.stringify({ name: "ok", unknownField: "x\u0000" })));
    expect(res.status).toBe(422);
  });

  it("a PATCH with nothing to change ({} or only unknown keys) is a 400, a POST {} is the schema's business", async () => {
    for (const body of ["{}", '{"unknown":1,"other":"x"}']) {
      const res = await answer(request(body, "PATCH"));
      expect(res).toMatchObject({ status: 400, body: { error: { code: "bad_request" } } });
      expect(res.body!.error.message).toMatch(/Nothing to change/);
    }
    expect(await answer(request('{"name":"x"}', "PATCH"))).toEqual({ status: 200, value: { name: "x" } });
    expect(await answer(request("{}", "POST"))).toEqual({ status: 200, value: {} });
  });

  it("malformed JSON and an empty body are 400; a wrong type is 422", async () => {
    expect(await answer(request("{not json"))).toMatchObject({ status: 400, body: { error: { code: "bad_request" } } });
    expect(await answer(request(""))).toMatchObject({ status: 400 });
    expect(await answer(request("[1,2]"))).toMatchObject({ status: 422 });
    expect(await answer(request('{"name":5}'))).toMatchObject({ status: 422, body: { error: { issues: [{ path: "name" }] } } });
  });

  it("a body over the cap is a 413, by its declared length or by what actually arrives", async () => {
    const big = JSON.stringify({ name: "x".repeat(MAX_JSON_BODY_BYTES) });
    expect(await answer(request(big))).toMatchObject({ status: 413, body: { error: { code: "payload_too_large" } } });
    // A streamed body has no content-length: the reader stops at the cap.
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 6; i++) c.enqueue(new TextEncoder().encode("x".repeat(1024 * 1024)));
        c.close();
      },
    });
    const streamed = new Request("http://papo.test/x", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(await answer(streamed)).toMatchObject({ status: 413 });
  });

  it("a body nested 10,000 levels deep is checked without a stack overflow: a NUL at the bottom is found", async () => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    expect((await answer(request(`{"meta":{"x":${deep}}}`))).status).toBe(200);
    expect((await answer(request(`{"meta":{"x":${deep.replace("[]", '["\\u0000"]')}}}`))).status).toBe(422);
  });
});
