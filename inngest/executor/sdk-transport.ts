import type { SdkTransport } from "./call-sdk";

/**
 * How the executor reaches the SDK's serve handler (PAPO_EXECUTOR_CALLS):
 * - "inprocess" (default): the signed Request is handed to the serve() handler in this process — the same handler
 *   /api/inngest mounts (inngest/serve-handler.ts), which verifies the signature as over HTTP — with no TCP round
 *   trip through Next's router. Right whenever the executor runs in the process that serves the functions.
 * - "http": a real HTTP request to the serve URL, for a worker that runs functions served by another process.
 */
export type CallsMode = "inprocess" | "http";

/** A fetch-style serve handler: inngest/next's serve() result, or any other adapter's. */
export type SdkHandler = (request: Request) => Promise<Response>;

export function sdkTransport(mode: CallsMode, handler?: SdkHandler): SdkTransport {
  if (mode === "http") return (request) => fetch(request);
  let papoHandler: Promise<SdkHandler> | undefined;
  const resolve = () =>
    handler
      ? Promise.resolve(handler)
      : (papoHandler ??= import("../serve-handler").then(
          // Next's App Router handler takes (request, context); a plain Request is all it reads.
          ({ inngestServeHandler }) => (request: Request) => inngestServeHandler(request as never, undefined as never),
        ));
  return async (request) => (await resolve())(request);
}
