/**
 * The extensions Papo's SQL needs, for every PGlite instance that opens a Papo data directory (the server, the CLI,
 * tests that seed a directory directly). PGlite ships contrib extensions as bundles loaded in its constructor:
 * `CREATE EXTENSION pg_trgm` in a migration only works on an instance that loaded it, and a table with a
 * `gin_trgm_ops` index cannot even be written to from one that did not.
 */
export function pgliteExtensions() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, only when PGlite is the driver
  const { pg_trgm } = require("@electric-sql/pglite/contrib/pg_trgm") as typeof import("@electric-sql/pglite/contrib/pg_trgm");
  return { pg_trgm };
}
