import { withPublic } from "@/lib/api/route";
import { buildOpenApiDocument } from "@/lib/api/openapi/build-openapi-document";

// The OpenAPI 3.1 document of the v1 API, generated from the route registry (lib/api/openapi/). Public: it
// describes the API, it grants nothing.
export const GET = withPublic(async () => buildOpenApiDocument());
