import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AI_NOT_CONFIGURED, performAiRequest } from "@/lib/flows/runtime/effects/perform-ai-request";

let server: http.Server;
let base: string;
const seen: { url?: string; auth?: string; body: Record<string, unknown> }[] = [];

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString());
    seen.push({ url: req.url, auth: req.headers.authorization, body });
    res.setHeader("content-type", "application/json");
    if (body.model === "broken") {
      res.statusCode = 500;
      return void res.end("{}");
    }
    res.end(JSON.stringify({ choices: [{ message: { role: "assistant", content: `echo: ${body.messages.at(-1).content}` } }] }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const spec = { model: "", temperature: 0.2, maxTokens: 50, messages: [{ role: "system" as const, content: "Be brief" }, { role: "user" as const, content: "hi" }] };

describe("the AI reply node's call (OpenAI-compatible chat completions)", () => {
  it("is off with a clear message when the organization has no endpoint", async () => {
    expect(await performAiRequest(spec, { allowPrivateHttp: false, ai: null })).toEqual({ ok: false, error: AI_NOT_CONFIGURED });
    expect(AI_NOT_CONFIGURED).toMatch(/no AI endpoint configured/);
  });

  it("posts to {baseUrl}/chat/completions with the key and the organization's model, and returns the text", async () => {
    const res = await performAiRequest(spec, { allowPrivateHttp: true, ai: { baseUrl: base, model: "small-1", apiKey: "sk-test" } });
    expect(res).toEqual({ ok: true, text: "echo: hi" });
    expect(seen.at(-1)).toMatchObject({ url: "/v1/chat/completions", auth: "Bearer sk-test", body: { model: "small-1", temperature: 0.2, max_tokens: 50, messages: spec.messages } });
  });

  it("fails cleanly on an error answer, and follows the private-address rule", async () => {
    expect(await performAiRequest({ ...spec, model: "broken" }, { allowPrivateHttp: true, ai: { baseUrl: base, model: "x", apiKey: null } })).toEqual({ ok: false, error: "The AI endpoint answered 500" });
    const blocked = await performAiRequest(spec, { allowPrivateHttp: false, ai: { baseUrl: base, model: "x", apiKey: null } });
    expect(blocked.ok).toBe(false);
    expect(blocked.error).toMatch(/^Blocked: 127\.0\.0\.1/);
  });
});
