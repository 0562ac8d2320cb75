import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { createGraphClient, type PhoneNumberInfo } from "@/lib/whatsapp/graph/graph-client";
import { GraphApiError } from "@/lib/whatsapp/graph/graph-error";

export type NumberClaim = { phoneNumberId: string; wabaId: string; accessToken: string };

/** What Meta confirmed: stored on the channel as its verified state. */
export type VerifiedNumber = { verifiedDisplayPhoneNumber: string | null; verifiedName: string | null };

/**
 * Proves a claim on a business number before Papo routes anything to it: the access token must read the number
 * (`GET /{phone-number-id}`) and the number must be one of the WABA's (`GET /{waba-id}/phone_numbers`). Anyone can
 * type a phone number id; only its business holds a token that can read it. Throws AppError: `invalid_input` (422,
 * with Meta's error explained and the field to fix) when Meta refuses, `upstream_unavailable` (503) when Meta could
 * not be asked — a transient failure proves nothing either way.
 */
export async function verifyChannelNumber(claim: NumberClaim, options: { fetch?: typeof fetch } = {}): Promise<VerifiedNumber> {
  const e = env();
  const graph = createGraphClient({
    baseUrl: e.META_GRAPH_API_URL,
    version: e.META_GRAPH_API_VERSION,
    phoneNumberId: claim.phoneNumberId,
    wabaId: claim.wabaId,
    accessToken: claim.accessToken,
    timeoutMs: 15_000,
    fetch: options.fetch,
  });
  const number = await ask(() => graph.getPhoneNumber(), "accessToken", "Meta refused to show phone number ID " + claim.phoneNumberId + " to this access token");
  if (number.id !== claim.phoneNumberId) {
    throw refused("phoneNumberId", `Meta answered for another number (${number.id}) than phone number ID ${claim.phoneNumberId}`);
  }
  const inWaba = await ask(() => graph.listPhoneNumbers(), "wabaId", `Meta refused to list the numbers of WhatsApp Business Account ${claim.wabaId} to this access token`);
  if (!inWaba.some((n: PhoneNumberInfo) => n.id === claim.phoneNumberId)) {
    throw refused("wabaId", `Phone number ID ${claim.phoneNumberId} is not a number of WhatsApp Business Account ${claim.wabaId}`);
  }
  return { verifiedDisplayPhoneNumber: number.display_phone_number ?? null, verifiedName: number.verified_name ?? null };
}

async function ask<T>(call: () => Promise<T>, path: string, what: string): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof GraphApiError) {
      if (err.retry !== "never") {
        throw new AppError("upstream_unavailable", `Could not verify the number: Meta's Graph API did not answer (${err.message}). Try again in a moment.`);
      }
      throw refused(path, `${what}: ${err.message}. ${accessExplanation(err)}`);
    }
    // A 2xx Papo cannot read (zod) is Meta's side, not the caller's input.
    throw new AppError("upstream_unavailable", "Could not verify the number: Meta's Graph API answered something Papo could not read. Try again in a moment.");
  }
}

/** Explanations for a claim, not a message send: the send-oriented texts of explainGraphError do not fit code 100. */
function accessExplanation(err: GraphApiError): string {
  if (err.code === 100 || err.code === 10 || (err.code !== null && err.code >= 200 && err.code <= 299)) {
    return "Check the phone number ID and WhatsApp Business Account ID in WhatsApp Manager, and that the token's system user has this WhatsApp Business Account assigned.";
  }
  return err.explanation;
}

function refused(path: string, message: string) {
  return new AppError("invalid_input", message, [{ path, message }]);
}
