import { randomUUID } from "node:crypto";
import { resolveActor, type Actor } from "@/lib/auth/actor";
import { assertSameOrigin } from "@/lib/auth/assert-same-origin";
import { loadOrgContext, type OrgContext } from "@/lib/auth/org-context";
import type { Permission } from "@/lib/auth/permissions";
import { toErrorBody, unauthorized } from "@/lib/errors";
import { answerResponse } from "./answer-response";
import { readBodyText } from "./read-body-text";
import { rateLimitHeaders, RateLimitedError, type RateLimitState } from "./rate-limit";
import { limitApiKey, limitPublic, type PublicRoute } from "./rate-limit-policies";
import { runIdempotent, type Answer } from "./run-idempotent";
import { isErrorBody, translateErrorBody } from "./translate-error";

export { readJson } from "./read-json";

type RouteContext<P> = { params: Promise<P> };
type Result = Response | object | null;

export type OrgHandlerArgs<P> = {
  req: Request;
  params: P;
  ctx: OrgContext;
  /**
   * Unique to this request — or, with `idempotent`, to its Idempotency-Key (derived from the claim), so side
   * effects keyed on it (queued messages) happen once however often the request is retried.
   */
  requestKey: string;
};

export type OrgRouteOptions = {
  /**
   * The route creates something: an `Idempotency-Key` header makes a retry get the first answer (stored 24 h) and
   * create nothing (lib/api/run-idempotent.ts). Every v1 POST that creates something sets it.
   */
  idempotent?: boolean;
};

/**
 * The guard around every tenant route handler: authenticate (session or API key), count an API key's request
 * against its rate limit, load the organization with the caller's membership, check the permission (and the key's
 * scopes), and turn every error into `{ error: { code, message } }` once — in the caller's Accept-Language.
 */
export function withOrg<P extends { orgSlug: string }>(
  permission: Permission,
  handler: (args: OrgHandlerArgs<P>) => Promise<Result>,
  options: OrgRouteOptions = {},
) {
  return async (req: Request, route: RouteContext<P>) => {
    let limit: RateLimitState | undefined;
    const res = await respond(req, async () => {
      const params = await route.params;
      const actor = await resolveActor(req);
      if (!actor) throw unauthorized();
      if (actor.type === "user") assertSameOrigin(req);
      else limit = await limitApiKey(actor.apiKeyId);
      const ctx = await loadOrgContext(actor, params.orgSlug);
      ctx.authorize(permission);
      if (!options.idempotent) return handler({ req, params, ctx, requestKey: `request:${randomUUID()}` });
      return runIdempotentRoute(req, ctx, (requestKey) => handler({ req, params, ctx, requestKey }));
    });
    return withRateLimitHeaders(res, limit);
  };
}

/** For routes that need a signed-in person but no organization (create an organization, accept an invitation). */
export function withUser<P>(
  handler: (args: { req: Request; params: P; userId: string; sessionId?: string }) => Promise<Result>,
  options: { rateLimit?: PublicRoute } = {},
) {
  return async (req: Request, route: RouteContext<P>) => {
    let limit: RateLimitState | undefined;
    const res = await respond(req, async () => {
      if (options.rateLimit) limit = await limitPublic(options.rateLimit, req);
      const actor: Actor | null = await resolveActor(req);
      if (actor?.type !== "user") throw unauthorized();
      assertSameOrigin(req);
      return handler({ req, params: await route.params, userId: actor.userId, sessionId: actor.sessionId });
    });
    return withRateLimitHeaders(res, limit);
  };
}

/** For public routes (sign-up, invitation preview): the error mapping, and a per-address rate limit when named. */
export function withPublic<P>(handler: (args: { req: Request; params: P }) => Promise<Result>, options: { rateLimit?: PublicRoute } = {}) {
  return async (req: Request, route: RouteContext<P>) => {
    let limit: RateLimitState | undefined;
    const res = await respond(req, async () => {
      if (options.rateLimit) limit = await limitPublic(options.rateLimit, req);
      return handler({ req, params: await route.params });
    });
    return withRateLimitHeaders(res, limit);
  };
}

/** The request's method, path and body are what a key is bound to: the same key on another request is refused. */
async function runIdempotentRoute(req: Request, ctx: OrgContext, run: (requestKey: string) => Promise<Result>): Promise<Response> {
  const fingerprint = `${req.method} ${new URL(req.url).pathname}\n${await readBodyText(req.clone())}`;
  const answer = await runIdempotent(ctx.org.id, req.headers.get("idempotency-key"), fingerprint, async (requestKey) => toAnswer(await run(requestKey)));
  return answerResponse(answer);
}

async function toAnswer(result: Result): Promise<Answer> {
  if (!(result instanceof Response)) return { status: 200, body: (result ?? { ok: true }) as Record<string, unknown> };
  return { status: result.status, body: (await result.json()) as Record<string, unknown> };
}

async function respond(req: Request, run: () => Promise<Result>): Promise<Response> {
  try {
    const result = await run();
    if (!(result instanceof Response)) return Response.json(result ?? { ok: true });
    return result.status >= 400 ? await translated(req, result) : result;
  } catch (err) {
    const { status, body } = toErrorBody(err);
    const headers = err instanceof RateLimitedError ? rateLimitHeaders(err.state) : undefined;
    return Response.json(translateErrorBody(body, req.headers.get("accept-language")), { status, headers });
  }
}

/** An error the handler answered itself (an idempotent replay, a refusal it built) speaks the caller's language too. */
async function translated(req: Request, res: Response): Promise<Response> {
  if (!res.headers.get("content-type")?.includes("application/json")) return res;
  const body: unknown = await res.clone().json().catch(() => null);
  if (!isErrorBody(body)) return res;
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  return Response.json(translateErrorBody(body, req.headers.get("accept-language")), { status: res.status, headers });
}

function withRateLimitHeaders(res: Response, limit: RateLimitState | undefined): Response {
  if (!limit) return res;
  // A handler may return a Response with immutable headers (a proxied fetch): build a new one around its body.
  const headers = new Headers(res.headers);
  for (const [name, value] of Object.entries(rateLimitHeaders(limit))) if (!headers.has(name)) headers.set(name, value);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}
