import { inngestServeHandler } from "@/inngest/serve-handler";

/**
 * Inngest's serve endpoint. Whoever runs the functions — Inngest Cloud, a self-hosted Inngest server or Papo's
 * embedded executor over HTTP — calls it with signed requests; unsigned calls are refused (the SDK is never in dev
 * mode in embedded mode, see inngest/mode.ts). The embedded executor in the same process skips this route and
 * calls the same handler directly (inngest/executor/sdk-transport.ts).
 */
export const { GET, POST, PUT } = inngestServeHandler;
