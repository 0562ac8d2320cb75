import { resolveActor, type Actor } from "@/lib/auth/actor";
import { assertSameOrigin } from "@/lib/auth/assert-same-origin";
import { loadOrgContext, type OrgContext } from "@/lib/auth/org-context";
import type { Permission } from "@/lib/auth/permissions";
import { toErrorBody, unauthorized } from "@/lib/errors";

export { readJson } from "./read-json";

type RouteContext<P> = { params: Promise<P> };
type Result = Response | object | null;

/**
 * The guard around every tenant route handler: authenticate (session or API key), load the organization with the
 * caller's membership, check the permission, and turn every error into `{ error: { code, message } }` once.
 */
export function withOrg<P extends { orgSlug: string }>(
  permission: Permission,
  handler: (args: { req: Request; params: P; ctx: OrgContext }) => Promise<Result>,
) {
  return async (req: Request, route: RouteContext<P>) =>
    respond(async () => {
      const params = await route.params;
      const actor = await resolveActor(req);
      if (!actor) throw unauthorized();
      if (actor.type === "user") assertSameOrigin(req);
      const ctx = await loadOrgContext(actor, params.orgSlug);
      ctx.authorize(permission);
      return handler({ req, params, ctx });
    });
}

/** For routes that need a signed-in person but no organization (create an organization, accept an invitation). */
export function withUser<P>(handler: (args: { req: Request; params: P; userId: string; sessionId?: string }) => Promise<Result>) {
  return async (req: Request, route: RouteContext<P>) =>
    respond(async () => {
      const actor: Actor | null = await resolveActor(req);
      if (actor?.type !== "user") throw unauthorized();
      assertSameOrigin(req);
      return handler({ req, params: await route.params, userId: actor.userId, sessionId: actor.sessionId });
    });
}

/** For public routes (sign-up, invitation preview): only the error mapping. */
export function withPublic<P>(handler: (args: { req: Request; params: P }) => Promise<Result>) {
  return async (req: Request, route: RouteContext<P>) =>
    respond(async () => handler({ req, params: await route.params }));
}

async function respond(run: () => Promise<Result>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    return Response.json(result ?? { ok: true });
  } catch (err) {
    const { status, body } = toErrorBody(err);
    return Response.json(body, { status });
  }
}
