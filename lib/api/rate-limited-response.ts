import { toErrorBody } from "@/lib/errors";
import { rateLimitHeaders, RateLimitedError } from "./rate-limit";
import { limitPublic, type PublicRoute } from "./rate-limit-policies";

/**
 * For routes outside withPublic (next-auth's sign-in, Meta's webhook handshake): null when the address is under
 * its limit, else the 429 to answer with (`extraBody`: next-auth's client wants a `url` to read the error from).
 */
export async function rateLimitedResponse(route: PublicRoute, req: Request, extraBody: Record<string, unknown> = {}): Promise<Response | null> {
  try {
    await limitPublic(route, req);
    return null;
  } catch (err) {
    if (!(err instanceof RateLimitedError)) throw err;
    const { status, body } = toErrorBody(err);
    return Response.json({ ...extraBody, ...body }, { status, headers: rateLimitHeaders(err.state) });
  }
}
