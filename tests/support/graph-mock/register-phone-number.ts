import { resetEnvForTests } from "@/lib/env";
import { liveMocks, registerMockPhoneNumber, startGraphMock, type GraphMock, type MockPhoneNumber } from "./graph-mock";

const g = globalThis as unknown as { __papoNumbersMock?: Promise<GraphMock> };

/**
 * Makes "Meta" know a business number, so creating its channel verifies through the product's real path (the
 * Graph API calls of lib/channels/verify-channel-number.ts) — no test writes a verified row by hand. The number is
 * registered with the mock META_GRAPH_API_URL points at (in this process, or over HTTP in another one); when none is
 * configured, one mock is started for the whole process and the URL pointed at it.
 */
export async function registerPhoneNumber(number: MockPhoneNumber): Promise<void> {
  let url = process.env.META_GRAPH_API_URL;
  if (!url) {
    g.__papoNumbersMock ??= startGraphMock({ unref: true });
    url = (await g.__papoNumbersMock).url;
    process.env.META_GRAPH_API_URL = url;
    resetEnvForTests();
  }
  const local = liveMocks().get(url);
  if (local) local.addPhoneNumber(number);
  else await registerMockPhoneNumber(url, number);
}
