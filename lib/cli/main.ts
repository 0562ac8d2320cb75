import { ZodError } from "zod";
import { closeDb } from "@/db";
import { AppError, zodIssues } from "@/lib/errors";
import { addMember } from "./commands/add-member";
import { createApiKey } from "./commands/create-api-key";
import { createChannel } from "./commands/create-channel";
import { createOrg } from "./commands/create-org";
import { createUser } from "./commands/create-user";
import { migrate } from "./commands/migrate";
import { seedDemo } from "./commands/seed-demo";
import { CliError } from "./errors";
import type { Command, CommandResult } from "./types";

/**
 * `npm run papo -- <command>`: provisioning for self-hosters. Exit codes: 0 done; 1 the command could not be
 * carried out (not found, conflict, limit, database unavailable, unexpected error); 2 the command line or its
 * input is wrong (nothing was done).
 */
export const commands: Command[] = [migrate, createUser, createOrg, addMember, createApiKey, createChannel, seedDemo];

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const mainHelp = `Papo command-line tools, for self-hosters who provision by script.

Usage: npm run --silent papo -- <command> [options]
       npm run --silent papo -- <command> --help

Commands:
${commands.map((c) => `  ${c.name.padEnd(16)}${c.summary}`).join("\n")}

Every command accepts --json (print one JSON object on stdout, for scripts) and --help.
(--silent keeps npm's own banner off stdout.)

Database: the same configuration as the server. DATABASE_URL selects PostgreSQL; without it, the embedded
database in PAPO_DATA_DIR (default ./.data) is used. Run the CLI with the server's environment (DATABASE_URL
or PAPO_DATA_DIR, PAPO_SECRET, PAPO_PUBLIC_URL), or channel secrets and webhook URLs will not match.

The embedded database allows ONE process at a time: do not run these commands while \`npm start\` (or
\`npm run dev\`) is using the same data directory. The CLI refuses to start when it finds the database open.
With PostgreSQL, the CLI and the server can run side by side.

Secrets (passwords, access tokens, app secrets) are never accepted as flag values; pass them on stdin
(--<name>-stdin) or through environment variables, as each command's --help shows. Nothing secret is printed,
except what a command creates for you: a generated password, verify token or demo login, and a new API key.

Exit codes:
  0  success
  1  the command failed (e.g. not found, already exists, limit reached, database unavailable)
  2  usage error: unknown command, missing or invalid flags or input; nothing was changed`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const target = name === "help" ? rest[0] : undefined;
    const command = target ? commands.find((c) => c.name === target) : undefined;
    if (target && !command) return unknownCommand(target);
    (name === undefined ? process.stderr : process.stdout).write((command?.usage ?? mainHelp) + "\n");
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) return unknownCommand(name);

  const end = rest.indexOf("--");
  const options = end === -1 ? rest : rest.slice(0, end);
  if (options.includes("--help") || options.includes("-h")) {
    process.stdout.write(command.usage + "\n");
    return EXIT_OK;
  }
  const json = options.includes("--json");
  const args = rest.filter((a, i) => a !== "--json" || (end !== -1 && i > end));

  let code: number;
  try {
    print(await command.run(args), json);
    code = EXIT_OK;
  } catch (err) {
    code = report(command, err, json);
  }
  try {
    // Always: PGlite writes its files on close, and an open postgres.js pool would keep the process alive.
    await closeDb();
  } catch (err) {
    process.stderr.write(`papo ${command.name}: could not close the database cleanly: ${rootMessage(err)}\n`);
    if (code === EXIT_OK) code = EXIT_FAILED;
  }
  return code;
}

function unknownCommand(name: string): number {
  process.stderr.write(
    `papo: unknown command "${name}". Commands: ${commands.map((c) => c.name).join(", ")}.\n` +
      `Run "npm run papo -- --help" for usage.\n`,
  );
  return EXIT_USAGE;
}

function print(result: CommandResult, json: boolean) {
  for (const warning of result.warnings ?? []) process.stderr.write(`warning: ${warning}\n`);
  process.stdout.write(json ? JSON.stringify(result.json, null, 2) + "\n" : result.lines.join("\n") + "\n");
}

/** Prints the error (stderr; with --json also an {"error": …} object on stdout) and returns the exit code. */
function report(command: Command, err: unknown, json: boolean): number {
  const { exitCode, code, message } = classify(err);
  const hint = exitCode === EXIT_USAGE ? `\nRun "npm run papo -- ${command.name} --help" for usage.` : "";
  process.stderr.write(`papo ${command.name}: ${message.split("\n").join(`\npapo ${command.name}: `)}${hint}\n`);
  if (json) process.stdout.write(JSON.stringify({ error: { code, message } }, null, 2) + "\n");
  return exitCode;
}

function classify(err: unknown): { exitCode: number; code: string; message: string } {
  if (err instanceof CliError) return { exitCode: err.exitCode, code: err.code, message: err.message };
  if (err instanceof AppError) return { exitCode: EXIT_FAILED, code: err.code, message: err.message };
  if (err instanceof ZodError) {
    const message = zodIssues(err).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("\n");
    return { exitCode: EXIT_USAGE, code: "invalid_input", message };
  }
  const pgCode = postgresCode(err);
  if (pgCode === "23505") return { exitCode: EXIT_FAILED, code: "conflict", message: "This already exists" };
  if (pgCode === "42P01") {
    return {
      exitCode: EXIT_FAILED,
      code: "not_migrated",
      message: 'The database has no Papo tables yet. Run "npm run papo -- migrate" first.',
    };
  }
  // Only the innermost message: drizzle's wrapper quotes the query's parameters, which can include secrets.
  return { exitCode: EXIT_FAILED, code: "internal_error", message: rootMessage(err) };
}

/** The SQLSTATE of a Postgres error raised by postgres.js or PGlite, possibly wrapped by drizzle. */
function postgresCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

function rootMessage(err: unknown): string {
  let e = err;
  for (let i = 0; i < 4 && e instanceof Error && e.cause instanceof Error; i++) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}

void main(process.argv.slice(2)).then(
  (code) => exit(code),
  (err: unknown) => {
    process.stderr.write(`papo: ${rootMessage(err)}\n`);
    exit(EXIT_FAILED);
  },
);

function exit(code: number) {
  process.exitCode = code;
  // Let stdout drain and the event loop empty on its own; force the exit if a stray handle keeps it alive.
  setTimeout(() => process.exit(code), 2_000).unref();
}
