import { env } from "@/lib/env";
import { derivedKey, masterKey } from "@/lib/crypto/master-key";
import { inngestLogger } from "@/lib/log/inngest-logger";

/**
 * Where Papo's Inngest functions run:
 * - "cloud": INNGEST_EVENT_KEY + INNGEST_SIGNING_KEY, no base URL: Inngest Cloud (the SDK reads the env itself).
 * - "self-hosted": INNGEST_BASE_URL or INNGEST_DEV: a self-hosted or dev Inngest server (the SDK reads the env).
 * - "embedded" (neither): Papo's own executor (inngest/executor) backed by Papo's database.
 */
export type InngestModeKind = "cloud" | "self-hosted" | "embedded";

/**
 * In embedded mode the SDK's event and register requests go to this origin, which the client's fetch answers
 * in-process (see `inngestFetch`). A `.invalid` host can never resolve, so a request that somehow escapes the
 * interception fails loudly instead of reaching some other server.
 */
export const EMBEDDED_ORIGIN = "http://papo-executor.invalid";

export function inngestMode(): InngestModeKind {
  const e = env();
  if (e.INNGEST_BASE_URL || e.INNGEST_DEV) return "self-hosted";
  if (e.INNGEST_EVENT_KEY && e.INNGEST_SIGNING_KEY) return "cloud";
  if (e.INNGEST_EVENT_KEY || e.INNGEST_SIGNING_KEY) {
    throw new Error(
      "Set both INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY for Inngest Cloud, INNGEST_BASE_URL for a self-hosted " +
        "Inngest server, or neither for Papo's embedded executor.",
    );
  }
  return "embedded";
}

/** The local signing key the embedded executor signs calls with and the SDK verifies them with. */
export function embeddedSigningKey(): string {
  return embeddedKeys().signing;
}

/** The key `/e/<key>` must carry when the event API is reached over HTTP. */
export function embeddedEventKey(): string {
  return embeddedKeys().event;
}

/**
 * The SDK reads the signing key on every request, response and checkpoint: derive the keys once per master key
 * (an HKDF each time was a visible share of the executor's CPU). Keyed by the master key's buffer, which
 * lib/crypto/master-key.ts caches, so a test that resets the master key gets fresh keys.
 */
let keys: { master: Buffer; signing: string; event: string } | undefined;
function embeddedKeys() {
  const master = masterKey();
  if (keys?.master !== master) {
    keys = {
      master,
      signing: `signkey-papo-${derivedKey("inngest-signing").toString("hex")}`,
      event: derivedKey("inngest-event-key").toString("hex"),
    };
  }
  return keys;
}

/**
 * Options for `new Inngest(...)`. Keys and URLs are getters on purpose: the client is created when its module loads
 * (including during `next build`), but the mode and the derived keys may only be read when the SDK first needs
 * them — reading the master key at build time would create a key file in the build environment.
 * In cloud / self-hosted mode every getter returns undefined and the SDK falls back to its own env handling.
 */
export function inngestClientOptions<const Id extends string>(id: Id) {
  const embedded = () => inngestMode() === "embedded";
  // Never spread this object ({ ...options }): spreading would call the getters right away.
  return {
    id,
    // No `checkpointing` option: the SDK's v4 default (on) everywhere. In embedded mode its checkpoint calls reach
    // the executor in-process through `fetch` below (inngest/executor/checkpoint.ts).
    fetch: inngestFetch,
    // What the SDK logs (failing steps included) is bounded and redacted like every other log line.
    logger: inngestLogger,
    get isDev() {
      return embedded() ? false : undefined; // embedded = cloud mode with a local key: signatures are enforced
    },
    get baseUrl() {
      return embedded() ? EMBEDDED_ORIGIN : undefined;
    },
    get eventKey() {
      return embedded() ? embeddedEventKey() : undefined;
    },
    get signingKey() {
      return embedded() ? embeddedSigningKey() : undefined;
    },
  };
}

/**
 * The client's fetch. Requests to EMBEDDED_ORIGIN (send(), step.sendEvent, registration, checkpoints) are handed to the
 * executor's handlers in-process: no HTTP hop, no need to know Papo's own URL or port, and it works in any
 * process sharing the database (a web process with PAPO_EXECUTOR=off still queues work for the worker).
 */
let executorApi: Promise<(req: Request) => Promise<Response>> | undefined;

export async function inngestFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.origin !== EMBEDDED_ORIGIN) return fetch(input, init);
  // Imported once: a dynamic import() per request is a round trip to the module loader (costly under tsx).
  executorApi ??= import("./executor/http-api").then((m) => m.handleExecutorApi);
  return (await executorApi)(new Request(input, init));
}
