// Command-line arguments: `COMMAND FILES... [--option value | --option=value | --flag] [-- FILES...]`.
// Strict on purpose: whatever the command would not understand is a one-line usage error, never a guess.

export interface ParsedArgs {
  command: string;
  files: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

/** What `parseArgs` asks for: run a command, print a usage (`--help`), or complain that none was given. */
export type Invocation =
  { kind: "run"; args: ParsedArgs } | { kind: "help"; command?: string } | { kind: "no-command" };

/** The options a command takes: `options` take a value, `flags` do not. */
export interface OptionSpec {
  options: readonly string[];
  flags: readonly string[];
}

/** A mistake in the command line: exit 2, with a pointer to the usage. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

const HELP = new Set(["--help", "-h"]);

export function parseArgs(argv: readonly string[], commands: Record<string, OptionSpec>): Invocation {
  const [first, ...rest] = argv;
  const names = Object.keys(commands);
  const known = (c: string | undefined): c is string => c !== undefined && Object.hasOwn(commands, c);
  if (first === undefined) return { kind: "no-command" };
  // `--help`, `help` and `help COMMAND` print a usage; so does `--help` anywhere before `--` after a command.
  if (HELP.has(first) || first === "help") {
    const about = rest[0];
    if (about === undefined || HELP.has(about)) return { kind: "help" };
    if (!known(about)) throw new UsageError(`no command "${about}"; commands: ${names.join(", ")}`);
    return { kind: "help", command: about };
  }
  if (first.startsWith("-") && first !== "-")
    throw new UsageError(
      `the command comes first, then files and options; got "${first}" before any command (commands: ${names.join(", ")})`,
    );
  if (!known(first)) throw new UsageError(`unknown command "${first}"; commands: ${names.join(", ")}`);
  const end = rest.indexOf("--");
  if ((end < 0 ? rest : rest.slice(0, end)).some((a) => HELP.has(a))) return { kind: "help", command: first };
  return { kind: "run", args: parseCommandArgs(first, rest, commands[first]!) };
}

function parseCommandArgs(command: string, argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const files: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  const fail = (message: string) => new UsageError(message, command);
  const takes = () => [...spec.options, ...spec.flags].map((o) => `--${o}`).join(", ") || "no options";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      // Everything after `--` is a file, even when it starts with a dash.
      files.push(...argv.slice(i + 1));
      break;
    }
    if (a === "-" || !a.startsWith("-")) {
      files.push(a);
      continue;
    }
    if (!a.startsWith("--")) throw fail(`unknown option ${a} for ${command}; it takes ${takes()}`);
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const seen = options.has(name) || flags.has(name);
    if (spec.flags.includes(name)) {
      if (eq > 0) throw fail(`option --${name} takes no value; got "${a}"`);
      if (seen) throw fail(`option --${name} is given twice`);
      flags.add(name);
      continue;
    }
    if (!spec.options.includes(name))
      throw fail(`unknown option --${name} for ${command}; it takes ${takes()}`);
    if (seen) throw fail(`option --${name} is given twice`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    // A value never starts with `--`: `--from --to X` lost the value of --from.
    if (value === undefined || value === "" || (eq < 0 && value.startsWith("--")))
      throw fail(`option --${name} needs a value`);
    options.set(name, value);
  }
  return { command, files, options, flags };
}

export function required(args: ParsedArgs, name: string): string {
  const v = args.options.get(name);
  if (v === undefined) throw new UsageError(`${args.command} needs --${name}`, args.command);
  return v;
}
