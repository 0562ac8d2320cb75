import { embeddedEventKey, embeddedSigningKey } from "../mode";
import { executorClock } from "./clock";
import { handleCheckpoint } from "./checkpoint";
import { EventError, ingestEvents, type IncomingEvent } from "./ingest";
import { registerApp, RegistrationError, type RegisterBody } from "./register";
import { hashedSigningKey, safeEqual } from "./signing";

/**
 * The endpoints Inngest's SDK talks to (register, events, checkpoints), as plain fetch handlers. In embedded mode
 * the SDK reaches them in-process (inngest/mode.ts), so mounting them over HTTP is only needed for apps in other
 * processes.
 */
export async function handleExecutorApi(req: Request): Promise<Response> {
  const path = new URL(req.url).pathname;
  if (path.endsWith("/fn/register")) return handleRegister(req);
  const checkpoint = path.match(/\/v1\/checkpoint\/([^/]+)\/async\/?$/);
  if (checkpoint) return handleCheckpoint(req, decodeURIComponent(checkpoint[1]));
  if (/\/e\/[^/]+\/?$/.test(path)) return handleEventApi(req);
  return json(404, { error: "Not found" });
}

/** `POST …/e/<event key>` with one event or an array; answers `{ ids, status: 200 }` as the SDK requires. */
export async function handleEventApi(req: Request): Promise<Response> {
  if (req.method !== "POST") return json(405, { error: "Method not allowed", status: 405 });
  const key = decodeURIComponent(new URL(req.url).pathname.match(/\/e\/([^/]+)\/?$/)?.[1] ?? "");
  if (!safeEqual(key, embeddedEventKey())) return json(401, { error: "Event key not found", status: 401 });
  let events: IncomingEvent[];
  try {
    const body = (await req.json()) as IncomingEvent | IncomingEvent[];
    events = Array.isArray(body) ? body : [body];
  } catch {
    return json(400, { error: "Body must be a JSON event or array of events", status: 400 });
  }
  try {
    const ids = await ingestEvents(events, executorClock().now());
    return json(200, { ids, status: 200 });
  } catch (err) {
    if (err instanceof EventError) return json(400, { error: err.message, status: 400 });
    throw err;
  }
}

/** `POST /fn/register`, authorised like Inngest Cloud: `Bearer` + the hashed signing key. */
export async function handleRegister(req: Request): Promise<Response> {
  if (req.method !== "POST") return json(405, { error: "Method not allowed", status: 405 });
  const auth = req.headers.get("authorization") ?? "";
  if (!safeEqual(auth, `Bearer ${hashedSigningKey(embeddedSigningKey())}`)) return json(401, { error: "Unauthorized", status: 401 });
  try {
    await registerApp((await req.json()) as RegisterBody);
    return json(200, { ok: true, modified: true });
  } catch (err) {
    if (err instanceof RegistrationError) return json(400, { error: err.message, status: 400 });
    throw err;
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}
