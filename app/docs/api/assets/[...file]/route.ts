import { readScalarAsset } from "@/lib/api/openapi/scalar-asset";

type Route = { params: Promise<{ file: string[] }> };

// The API reference's script and chunks, from node_modules: nothing is fetched from a CDN.
export async function GET(_req: Request, route: Route) {
  const body = await readScalarAsset((await route.params).file);
  if (!body) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(body), { headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=3600" } });
}
