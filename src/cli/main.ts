// The headless CLI (../shared/CLI.md): JSON on stdout, messages for people on stderr, exit 0 done,
// 1 when validate finds an error, 2 for a usage error or an unreadable file.
import { readFileSync } from "node:fs";
import { decodeManifestBytes } from "../model/text";
import { parseArgs, UsageError } from "./args";
import { runCommand } from "./commands";
import { usage } from "./usage";

function readFile(path: string): string {
  try {
    // Bytes, not "utf8": Node would replace a byte that is not UTF-8, and the reader must report it.
    return decodeManifestBytes(readFileSync(path === "-" ? 0 : path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory"
          : code === "EACCES"
            ? "permission denied"
            : (e as Error).message;
    throw new UsageError(`cannot read ${path === "-" ? "standard input" : path}: ${why}`);
  }
}

function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    if (!args.command || args.command === "help" || args.command === "--help") {
      process.stdout.write(`${usage()}\n`);
      return args.command ? 0 : 2;
    }
    if (args.flags.has("help")) {
      process.stdout.write(`${usage(args.command)}\n`);
      return 0;
    }
    const out = runCommand(args, readFile, (msg) => process.stderr.write(`${msg}\n`));
    for (const doc of out.documents) process.stdout.write(`${JSON.stringify(doc)}\n`);
    return out.exitCode;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`kube-hops: ${e.message}\n${usage(parseArgs(argv).command)}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
