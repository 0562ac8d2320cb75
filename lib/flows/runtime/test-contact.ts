import { createHash } from "node:crypto";

/** The contact attribute that marks a sandbox customer as the test customer of a flow's draft. */
export const TEST_FLOW_ATTRIBUTE = "papoTestFlowId";

/**
 * A stable fake number per (flow, person): +1 555 01xx-xxxx is reserved for fiction, so it can never be a real
 * customer, and the same tester gets the same customer on the sandbox phone every time.
 */
export function testCustomerWaId(flowId: string, userId: string | null): string {
  const digits = BigInt(`0x${createHash("sha256").update(`${flowId}:${userId ?? "api"}`).digest("hex").slice(0, 12)}`) % 1_000_000n;
  return `155501${digits.toString().padStart(6, "0")}`;
}
