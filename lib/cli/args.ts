import { parseArgs } from "node:util";
import { UsageError } from "./errors";
import { refusePlainSecretFlags, secretOptions, type SecretSpec } from "./read-secret";

type OptionSpec = { type: "string" | "boolean"; short?: string };

/**
 * Strict parseArgs for one command: unknown flags, missing values and stray words are usage errors. The command's
 * secrets get their `--<flag>-stdin` switches, and a secret given as a plain flag is refused before parsing.
 * Values are never echoed in errors for commands that take secrets (a misplaced secret would be a stray word).
 */
export function parseFlags<O extends Record<string, OptionSpec>>(args: string[], options: O, secrets: SecretSpec[] = []) {
  refusePlainSecretFlags(args, secrets);
  try {
    const { values } = parseArgs({
      args,
      options: { ...options, ...secretOptions(secrets) },
      strict: true,
      allowPositionals: false,
    });
    return values as { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string } & Record<string, unknown>;
  } catch (err) {
    throw new UsageError(describeParseError(err, secrets.length > 0));
  }
}

function describeParseError(err: unknown, hideValues: boolean): string {
  const e = err as { code?: string; message?: string };
  if (e.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    if (hideValues) return "Unexpected argument (not shown, in case it is a secret): every value goes after its --flag";
    return `${e.message ?? "Unexpected argument"}: every value goes after its --flag`;
  }
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    // Node names only the option here (`--foo`, never `--foo=value`), so the message is safe to show.
    return (e.message ?? "Invalid option").split("\n")[0].replace(/\. To specify a positional argument.*$/, "");
  }
  return err instanceof Error ? err.message : String(err);
}

/** Throws one usage error listing every required flag that is missing or blank. */
export function requireFlags(values: Record<string, unknown>, flags: string[]): void {
  const missing = flags.filter((f) => typeof values[f] !== "string" || (values[f] as string).trim() === "");
  if (missing.length === 1) throw new UsageError(`--${missing[0]} is required`);
  if (missing.length > 1) throw new UsageError(`Missing required flags: ${missing.map((f) => `--${f}`).join(", ")}`);
}
