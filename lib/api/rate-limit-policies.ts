import { env } from "@/lib/env";
import { clientIp } from "@/lib/auth/client-ip";
import { hitRateLimit, RateLimitedError, type RateLimitPolicy, type RateLimitState } from "./rate-limit";

/** Requests per minute per API key (PAPO_RATE_LIMIT_API_KEY, default 600). */
export const apiKeyPolicy = (): RateLimitPolicy => ({ limit: env().PAPO_RATE_LIMIT_API_KEY, windowSeconds: 60 });

/** Requests per minute per client address on each unauthenticated route (PAPO_RATE_LIMIT_PUBLIC, default 30). */
export const publicPolicy = (): RateLimitPolicy => ({ limit: env().PAPO_RATE_LIMIT_PUBLIC, windowSeconds: 60 });

/** The unauthenticated routes that count per address, each on its own counter. */
export type PublicRoute = "sign-in" | "sign-up" | "invitation" | "webhook-verify";

export async function limitApiKey(apiKeyId: string): Promise<RateLimitState> {
  const state = await hitRateLimit(`apiKey:${apiKeyId}`, apiKeyPolicy());
  if (state.limited) throw new RateLimitedError(state);
  return state;
}

/** Counts the request against its address; throws RateLimitedError (429) past the limit. */
export async function limitPublic(route: PublicRoute, req: Request): Promise<RateLimitState> {
  const state = await hitRateLimit(`ip:${route}:${clientIp(req.headers) ?? "unknown"}`, publicPolicy());
  if (state.limited) throw new RateLimitedError(state);
  return state;
}
