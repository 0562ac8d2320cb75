import { UsageError } from "./errors";

/**
 * A secret the CLI accepts. Never as a plain flag value (it would land in shell history and `ps` output): either
 * `--<flag>-stdin` (first line of stdin, trimmed; typed without echo on a terminal) or the environment variable.
 */
export type SecretSpec = { flag: string; env: string; label: string };

export const secretSpecs = {
  password: { flag: "password", env: "PAPO_USER_PASSWORD", label: "password" },
  accessToken: { flag: "access-token", env: "PAPO_CHANNEL_ACCESS_TOKEN", label: "access token" },
  appSecret: { flag: "app-secret", env: "PAPO_CHANNEL_APP_SECRET", label: "app secret" },
  verifyToken: { flag: "verify-token", env: "PAPO_CHANNEL_VERIFY_TOKEN", label: "verify token" },
} satisfies Record<string, SecretSpec>;

export const stdinFlag = (spec: SecretSpec) => `${spec.flag}-stdin`;

/** The parseArgs options for a command's secrets: one boolean `--<flag>-stdin` each. */
export function secretOptions(specs: SecretSpec[]): Record<string, { type: "boolean" }> {
  return Object.fromEntries(specs.map((s) => [stdinFlag(s), { type: "boolean" as const }]));
}

/** How to pass a secret, for help texts and error messages. */
export function secretSourceHint(spec: SecretSpec): string {
  return `--${stdinFlag(spec)} or ${spec.env}`;
}

/**
 * Refuses `--access-token VALUE` / `--access-token=VALUE` before anything else looks at the arguments, with a
 * message that names the safe alternatives and never repeats the value.
 */
export function refusePlainSecretFlags(args: string[], specs: SecretSpec[]): void {
  for (const arg of args) {
    if (arg === "--") return;
    const spec = specs.find((s) => arg === `--${s.flag}` || arg.startsWith(`--${s.flag}=`));
    if (spec) {
      throw new UsageError(
        `--${spec.flag} does not accept a value on the command line: it would be saved in your shell history and ` +
          `be visible to other users in the process list. Pipe it on stdin with --${stdinFlag(spec)}, or set ${spec.env}.`,
      );
    }
  }
}

/** Refuses several `-stdin` secrets in one run when stdin is a pipe: which line is which would be a guess. */
export function assertOneStdinSecret(values: Record<string, unknown>, specs: SecretSpec[]): void {
  const fromStdin = specs.filter((s) => values[stdinFlag(s)] === true);
  if (fromStdin.length > 1 && !process.stdin.isTTY) {
    throw new UsageError(
      `Only one secret can be read from stdin per run (got ${fromStdin.map((s) => `--${stdinFlag(s)}`).join(", ")}). ` +
        `Pass the others through their environment variables: ${fromStdin.map((s) => s.env).join(", ")}.`,
    );
  }
}

/**
 * The secret's value, or undefined when it was not given. From stdin when `--<flag>-stdin` is set, else from the
 * environment (an operator's input, read here rather than through lib/env.ts, which is the server's configuration).
 * With `promptIfMissing` and a terminal on stdin, asks for it without echo.
 */
export async function readSecret(
  spec: SecretSpec,
  values: Record<string, unknown>,
  options: { promptIfMissing?: boolean } = {},
): Promise<string | undefined> {
  if (values[stdinFlag(spec)] === true) {
    const value = process.stdin.isTTY ? await promptHidden(`${capitalize(spec.label)}: `) : await readFirstLine();
    if (!value) throw new UsageError(`--${stdinFlag(spec)} was given, but stdin had no ${spec.label} on its first line`);
    return value;
  }
  const fromEnv = process.env[spec.env]?.trim();
  if (fromEnv) return fromEnv;
  if (options.promptIfMissing && process.stdin.isTTY) {
    return (await promptHidden(`${capitalize(spec.label)}: `)) || undefined;
  }
  return undefined;
}

/** Reads stdin up to the first newline (or EOF), so a producer that never closes the pipe cannot hang the CLI. */
function readFirstLine(): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let buffered = "";
    const finish = () => {
      stdin.off("data", onData);
      stdin.off("end", finish);
      stdin.off("error", onError);
      stdin.pause();
      stdin.destroy();
      resolve(buffered.split(/\r?\n/, 1)[0].trim());
    };
    const onData = (chunk: string) => {
      buffered += chunk;
      if (buffered.includes("\n")) finish();
    };
    const onError = (err: Error) => reject(err);
    stdin.setEncoding("utf8");
    stdin.on("data", onData);
    stdin.once("end", finish);
    stdin.once("error", onError);
  });
}

/** A line typed on the terminal with echo off. The prompt goes to stderr so stdout stays clean for `--json`. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const done = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") {
          done();
          resolve(value.trim());
          return;
        }
        if (ch === "\u0003") {
          done();
          reject(new UsageError("Cancelled"));
          return;
        }
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
