import { serve } from "inngest/next";
import { functions, inngest } from "@/inngest";

/**
 * Inngest's serve handler for Papo's functions: mounted at /api/inngest (app/api/inngest/route.ts), and called
 * directly by the embedded executor when it runs in the same process (inngest/executor/sdk-transport.ts). Both
 * verify the request's signature the same way.
 */
export const inngestServeHandler = serve({ client: inngest, functions });
