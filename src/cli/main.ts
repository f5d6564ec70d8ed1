// The headless CLI (docs/cli.md): JSON on stdout, messages for people on stderr, one line each.
// Exit 0 done, 1 when validate finds an error, 2 for a usage error, an unreadable file or a script error,
// 3 for an internal error.
import { runAsProcess } from "./exit";
import { runCli } from "./run";

runAsProcess(() =>
  runCli(process.argv.slice(2), {
    stdin: () => process.stdin,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }),
);
