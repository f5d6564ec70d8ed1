// The CLI as a process: whatever goes wrong ends in one line on stderr and a documented exit code, never
// a stack trace. An unexpected failure (a bug) exits 3; KUBE_HOPS_DEBUG=1 adds its stack for a report.
import { oneLine } from "./oneLine";

/** Exit codes (README, docs/limits.md). */
export const EXIT = { done: 0, validateFoundError: 1, usageOrInput: 2, internal: 3 } as const;

const MAX_MESSAGE_CHARS = 300;

/** The one line that reports an unexpected failure. */
function internalErrorLine(e: unknown): string {
  const message = e instanceof Error ? `${e.name}: ${e.message}` : describe(e);
  const short = oneLine(message.split("\n")[0]!.slice(0, MAX_MESSAGE_CHARS));
  return `kube-hops: internal error: ${short}; please report it with the command and its input`;
}

function describe(thrown: unknown): string {
  try {
    return String(thrown);
  } catch {
    return "a value that is not an Error";
  }
}

/** Runs `main` as the process: its exit code, or 3 with one line for anything thrown, sync or async. */
export function runAsProcess(main: () => Promise<number>): void {
  const crash = (e: unknown) => {
    process.stderr.write(`${internalErrorLine(e)}\n`);
    if (process.env.KUBE_HOPS_DEBUG && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    process.exit(EXIT.internal);
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as other command-line tools do.
  process.stdout.on("error", (e: NodeJS.ErrnoException) =>
    e.code === "EPIPE" ? process.exit(process.exitCode ?? EXIT.done) : crash(e),
  );
  main().then((code) => {
    process.exitCode = code;
  }, crash);
}
