import { apiReferenceHtml } from "@/lib/api/openapi/api-reference-html";

// The API reference (Scalar) over /api/v1/openapi.json. A plain HTML document rather than a React page: Scalar
// mounts its own app; proxy.ts gives the request a CSP nonce, which the two scripts carry.
export async function GET(req: Request) {
  const html = apiReferenceHtml({ nonce: req.headers.get("x-nonce") ?? "", lang: req.headers.get("accept-language") });
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } });
}
