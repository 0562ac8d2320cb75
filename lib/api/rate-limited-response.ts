import { toErrorBody } from "@/lib/errors";
import { rateLimitHeaders, RateLimitedError } from "./rate-limit";
import { limitPublic, type PublicRoute } from "./rate-limit-policies";

/**
 * For routes outside withPublic (next-auth's sign-in, Meta's webhook handshake): null when the address is under
 * its limit, else the 429 to answer with.
 */
export async function rateLimitedResponse(route: PublicRoute, req: Request): Promise<Response | null> {
  try {
    await limitPublic(route, req);
    return null;
  } catch (err) {
    if (!(err instanceof RateLimitedError)) throw err;
    const { status, body } = toErrorBody(err);
    return Response.json(body, { status, headers: rateLimitHeaders(err.state) });
  }
}
