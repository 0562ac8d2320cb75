import { notFound } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a URL: anything that is not a UUID cannot name a row, so it is a 404 rather than a database error. */
export function parseId(id: string, what = "Resource"): string {
  if (!UUID.test(id)) throw notFound(what);
  return id.toLowerCase();
}
