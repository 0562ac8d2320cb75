import type { ZodError } from "zod";

/** An error the CLI reports as-is, with its own exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly code = "cli_error",
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** The command line (or an input read from stdin / env) is wrong: exit 2, nothing was done. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2, "usage");
    this.name = "UsageError";
  }
}

/**
 * Zod issues as lines a person can act on: the field path becomes the flag (or env var) the value came from, e.g.
 * `--email: Enter a valid email address`.
 */
export function usageErrorFromZod(
  error: ZodError,
  sources: Record<string, string>,
  include: (field: string) => boolean = () => true,
): UsageError {
  const issues = error.issues.filter((issue) => include(String(issue.path[0] ?? "")));
  const lines = issues.map((issue) => {
    const key = String(issue.path[0] ?? "");
    const source = sources[key] ?? (key ? key : undefined);
    return source ? `${source}: ${issue.message}` : issue.message;
  });
  return new UsageError([...new Set(lines)].join("\n"));
}
