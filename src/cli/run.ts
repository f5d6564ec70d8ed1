// One run of the CLI, from its arguments to its exit code, with the process left out (stdin, stdout and
// stderr come in as functions), so that tests and fuzzers can run it in-process.
import { parseArgs, UsageError } from "./args";
import { COMMAND_SPECS, inputPaths, runCommand } from "./commands";
import { InputError } from "./decodeText";
import { EXIT } from "./exit";
import { oneLine } from "./oneLine";
import { readInputs, type Stdin } from "./readInput";
import { usage } from "./usage";

interface CliIO {
  stdin: Stdin;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The exit code of one run; an internal error is thrown, for runAsProcess to report (exit 3). */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`kube-hops: ${oneLine(message)}\n`);
    return EXIT.usageOrInput;
  };
  try {
    const invocation = parseArgs(argv, COMMAND_SPECS);
    if (invocation.kind === "no-command") {
      io.stderr(`${usage()}\n`);
      return EXIT.usageOrInput;
    }
    if (invocation.kind === "help") {
      io.stdout(`${usage(invocation.command)}\n`);
      return EXIT.done;
    }
    const { args } = invocation;
    const texts = await readInputs(inputPaths(args), io.stdin);
    const out = runCommand(
      args,
      (path) => texts.get(path)!,
      (message) => io.stderr(`${oneLine(message)}\n`),
    );
    for (const doc of out.documents) io.stdout(`${JSON.stringify(doc)}\n`);
    return out.exitCode;
  } catch (e) {
    if (e instanceof UsageError)
      return fail(e.command ? `${e.message} (see: npm run --silent cli -- ${e.command} --help)` : e.message);
    if (e instanceof InputError) return fail(e.message);
    throw e;
  }
}
