// Command-line arguments: `COMMAND FILES... [--option value | --flag]`.

export interface ParsedArgs {
  command: string;
  files: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

export class UsageError extends Error {}

/** Options that take no value. */
const FLAGS = new Set(["help", "events"]);

export function parseArgs(argv: string[]): ParsedArgs {
  const [command = "", ...rest] = argv;
  const files: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (FLAGS.has(name)) {
        flags.add(name);
        continue;
      }
      const value = eq > 0 ? a.slice(eq + 1) : rest[++i];
      if (value === undefined) throw new UsageError(`option --${name} needs a value`);
      options.set(name, value);
    } else if (a === "-h") flags.add("help");
    else files.push(a);
  }
  return { command, files, options, flags };
}

/** Rejects options the command does not know, naming the ones it does. */
export function expectOptions(args: ParsedArgs, known: readonly string[]): void {
  for (const name of args.options.keys())
    if (!known.includes(name))
      throw new UsageError(
        `unknown option --${name} for ${args.command}; it takes ${known.map((k) => `--${k}`).join(", ") || "no options"}`,
      );
}

export function required(args: ParsedArgs, name: string): string {
  const v = args.options.get(name);
  if (v === undefined || v === "") throw new UsageError(`${args.command} needs --${name}`);
  return v;
}
