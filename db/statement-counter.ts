/**
 * How many SQL statements this process has sent to the database (BEGIN and COMMIT included), on both drivers.
 * A plain increment per statement, always on: the executor's counters (inngest/executor/counters.ts) read it to
 * state what a piece of work costs. Kept on globalThis because server.ts and Next's bundled route handlers are two
 * module graphs sharing one database handle (db/index.ts).
 */
const g = globalThis as unknown as { __papoSqlStatements?: number };

export function countStatement(n = 1): void {
  g.__papoSqlStatements = (g.__papoSqlStatements ?? 0) + n;
}

export function statementCount(): number {
  return g.__papoSqlStatements ?? 0;
}
