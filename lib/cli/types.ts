/** What a command hands back to main: a JSON object for `--json`, lines for people, warnings for stderr. */
export type CommandResult = {
  json: Record<string, unknown>;
  lines: string[];
  warnings?: string[];
};

export type Command = {
  name: string;
  /** One line, shown in `papo --help`. */
  summary: string;
  /** The full `papo <command> --help` text. */
  usage: string;
  /** `args` are the words after the command name, without `--help` and `--json` (main handles those). */
  run(args: string[]): Promise<CommandResult>;
};
