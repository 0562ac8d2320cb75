import type { ZodType } from "zod";
import type { Permission } from "@/lib/auth/permissions";

/**
 * One operation of the v1 API as the OpenAPI document describes it. `body` is the very schema object the handler
 * passes to readJson (tests/integration/api/openapi-coverage.test.ts calls every handler and checks identity), so
 * the document cannot drift from what the route accepts.
 */
export type RouteDescription = {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** `/api/v1/...` with `{param}` segments, as the folder under app/api/v1 names them. */
  path: string;
  summary: string;
  description?: string;
  /** The permission withOrg checks (an API key needs its scope), or who else may call: a signed-in person, anyone. */
  access: Permission | "user" | "public";
  /** A JSON body: the schema the handler validates with. */
  body?: ZodType;
  /** A multipart/form-data upload (files): described in words, parsed by lib/api/read-form.ts. */
  multipart?: boolean;
  /** Query parameters, as the object schema the handler parses the search params with. */
  query?: ZodType;
  /** The success body, when the area describes it. */
  response?: ZodType;
  /** Honours `Idempotency-Key` (withOrg's `idempotent` option). */
  idempotent?: boolean;
};

export type RouteArea = { tag: string; routes: RouteDescription[] };

/** One file per area under lib/api/openapi/ calls this; lib/api/openapi/registry.ts lists the areas. */
export function defineRoutes(tag: string, routes: RouteDescription[]): RouteArea {
  return { tag, routes };
}
