import { serve } from "inngest/next";
import { functions, inngest } from "@/inngest";

/**
 * Inngest's serve endpoint. Whoever runs the functions — Inngest Cloud, a self-hosted Inngest server or Papo's
 * embedded executor — calls it with signed requests; unsigned calls are refused (the SDK is never in dev mode
 * in embedded mode, see inngest/mode.ts).
 */
export const { GET, POST, PUT } = serve({ client: inngest, functions });
