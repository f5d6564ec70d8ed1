// Each CLI command: arguments in, JSON documents out. The engine does the work; this only reads options.
import { parseAddress } from "../engine/trace/address";
import { type Decision, explainer } from "../engine/proxy";
import { proxyRulesText } from "../engine/kubeproxy";
import { trace } from "../engine/trace/trace";
import type { TraceProtocol } from "../engine/trace/types";
import { type LoadResult } from "../model/cluster";
import { parseNsName } from "../protocol/nsName";
import type { Diagnostic } from "../model/diagnostics";
import { hasErrors } from "../model/diagnostics";
import { resolve, serviceEnv } from "../model/discovery";
import type { QueryType } from "../model/discovery/types";
import { parseIP } from "../model/ip";
import type { Pod } from "../model/k8s";
import { loadManifests, type ManifestFile } from "../model/load";
import { lookUpNameFor, resolveNameFor } from "../engine/trace/resolveName";
import { LIMITS } from "../engine/sim/limits";
import { parseScript, runScript, type ScriptRun } from "../engine/sim/script";
import { Simulation } from "../engine/sim/simulation";
import { type OptionSpec, type ParsedArgs, required, UsageError } from "./args";
import { scriptRunJSON, traceJSON } from "./output";

interface CommandOutput {
  documents: unknown[];
  exitCode: number;
}

/** The text of an input file already read (readInputs): a manifest, a script or a queries file. */
type Text = (path: string) => string;
type Log = (message: string) => void;

const PROTOCOLS = ["TCP", "UDP", "SCTP", "ICMP"] as const;
/** The engine's generator is 32-bit (rng.ts): a larger seed would silently repeat a smaller one. */
const MAX_SEED = 2 ** 32 - 1;
/** Outside validate, manifest errors go to stderr; past this many, only their count. */
const MAX_PROBLEMS_SHOWN = 20;

/** The files a command reads, in order: manifests, then the files its options name (--script, --queries). */
export function inputPaths(args: ParsedArgs): string[] {
  if (!args.files.length)
    throw new UsageError(
      `${args.command} needs at least one manifest file (or - for standard input)`,
      args.command,
    );
  const command = COMMANDS[args.command]!;
  return [...args.files, ...command.inputs.flatMap((o) => args.options.get(o) ?? [])];
}

export function runCommand(args: ParsedArgs, text: Text, log: Log): CommandOutput {
  const command = COMMANDS[args.command]!;
  const files = args.files.map((file) => ({ file: file === "-" ? "<stdin>" : file, text: text(file) }));
  const loaded = loadManifests(files);
  if (args.command !== "validate") reportProblems(loaded.diagnostics, log);
  return command.run(args, loaded, text, { files, log });
}

/** Outside validate, manifest problems go to stderr: the answer is computed for what did load. */
function reportProblems(ds: Diagnostic[], log: Log) {
  const errors = ds.filter((d) => d.severity === "error");
  for (const d of errors.slice(0, MAX_PROBLEMS_SHOWN))
    log(
      `${d.file}:${d.line}:${d.column}: ${d.object ? `${d.object}: ` : ""}${d.path ? `${d.path}: ` : ""}${d.message} (not loaded)`,
    );
  if (errors.length > MAX_PROBLEMS_SHOWN)
    log(`… and ${errors.length - MAX_PROBLEMS_SHOWN} more errors (validate lists them all)`);
}

function protocolOption(args: ParsedArgs): TraceProtocol {
  const p = (args.options.get("protocol") ?? "TCP").toUpperCase();
  if (!(PROTOCOLS as readonly string[]).includes(p))
    throw new UsageError(
      `--protocol must be one of ${PROTOCOLS.join(", ")}; got "${args.options.get("protocol")}"`,
      args.command,
    );
  return p as TraceProtocol;
}

/** The explain answer exactly as docs/cli.md gives it. */
const explainJSON = (d: Decision) => ({
  action: d.action,
  candidates: d.candidates,
  masquerade: d.masquerade,
  rules: d.rules,
  reason: d.reason,
});

interface ExplainQuery {
  node: string;
  src: string;
  dst: string;
  protocol?: string;
}

function queryOf(line: string): ExplainQuery {
  let q: unknown;
  try {
    q = JSON.parse(line);
  } catch {
    throw new UsageError("not JSON: a query is one JSON object a line");
  }
  if (typeof q !== "object" || q === null || Array.isArray(q))
    throw new UsageError("not a JSON object: a query is one JSON object a line");
  const { node, src, dst, protocol } = q as Record<string, unknown>;
  if (typeof node !== "string" || typeof src !== "string" || typeof dst !== "string")
    throw new UsageError('a query needs "node", "src" and "dst" strings');
  if (protocol !== undefined && typeof protocol !== "string")
    throw new UsageError('"protocol" must be a string');
  return { node, src, dst, protocol };
}

/** What f returns, or the usage error it throws (any other error is thrown on). */
function orUsageError<T>(f: () => T): T | UsageError {
  try {
    return f();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
}

/** `explain` answers with rules built once a node (explainer): the loaded cluster stays as it is. */
function answerQuery(loaded: LoadResult, explain: ReturnType<typeof explainer>, q: ExplainQuery): object {
  const { cluster } = loaded;
  if (!cluster.nodes.some((n) => n.metadata.name === q.node))
    throw new UsageError(
      `no node named "${q.node}"; nodes: ${listed(cluster.nodes.map((n) => n.metadata.name))}`,
    );
  if (!parseAddress(q.src, false)) throw new UsageError(`--src must be an IP address; got "${q.src}"`);
  const protocol = (q.protocol ?? "TCP").toUpperCase();
  if (!(PROTOCOLS as readonly string[]).includes(protocol))
    throw new UsageError(`protocol must be one of ${PROTOCOLS.join(", ")}; got "${q.protocol}"`);
  if (!parseAddress(q.dst, protocol !== "ICMP"))
    throw new UsageError(`--dst must be IP:PORT (IPv6 as [IP]:PORT); got "${q.dst}"`);
  const dstIP = parseAddress(q.dst, protocol !== "ICMP")!.ip;
  if (parseIP(dstIP)?.family !== parseIP(q.src)?.family)
    throw new UsageError(`--src ${q.src} and --dst ${q.dst} are of different IP families`);
  const d = explain({ node: q.node, src: q.src, dst: q.dst, protocol: protocol as TraceProtocol });
  // The checks above are the CLI's own words for what explain() would refuse.
  if (!d.ok) throw new UsageError(d.error.message);
  return explainJSON(d.value);
}

interface Command extends OptionSpec {
  /** The options that name a file to read. */
  inputs: readonly string[];
  run(
    args: ParsedArgs,
    loaded: LoadResult,
    text: Text,
    ctx: { files: ManifestFile[]; log: Log },
  ): CommandOutput;
}

const COMMANDS: Record<string, Command> = {
  validate: {
    options: [],
    flags: [],
    inputs: [],
    run: (_args, loaded) => ({
      documents: [{ diagnostics: loaded.diagnostics }],
      exitCode: hasErrors(loaded.diagnostics) ? 1 : 0,
    }),
  },
  explain: {
    options: ["node", "src", "dst", "protocol", "queries"],
    flags: [],
    inputs: ["queries"],
    run(args, loaded, text) {
      const queriesFile = args.options.get("queries");
      const explain = explainer(loaded.cluster);
      if (queriesFile === undefined) {
        const q = {
          node: required(args, "node"),
          src: required(args, "src"),
          dst: required(args, "dst"),
          protocol: protocolOption(args),
        };
        return { documents: [answerQuery(loaded, explain, q)], exitCode: 0 };
      }
      // One answer a non-blank line; a line that is not a query answers {"error": "FILE:LINE: why"}.
      const lines = text(queriesFile)
        .split("\n")
        .flatMap((line, i) => (line.trim() === "" ? [] : [{ line, number: i + 1 }]));
      const queries = lines.map(({ line }) => orUsageError(() => queryOf(line)));
      // Node by node (in file order within a node), so that each node's rules are built once (explainer).
      const nodeOf = (at: number) => {
        const q = queries[at]!;
        return q instanceof UsageError ? "" : q.node;
      };
      const order = lines
        .map((_, at) => at)
        .sort((a, b) => (nodeOf(a) < nodeOf(b) ? -1 : nodeOf(a) > nodeOf(b) ? 1 : 0));
      const documents: object[] = [];
      for (const at of order) {
        const q = queries[at]!;
        const answer = q instanceof UsageError ? q : orUsageError(() => answerQuery(loaded, explain, q));
        documents[at] =
          answer instanceof UsageError
            ? { error: `${queriesFile}:${lines[at]!.number}: ${answer.message}` }
            : answer;
      }
      return { documents, exitCode: 0 };
    },
  },
  trace: {
    options: ["from", "to", "seed", "protocol"],
    flags: [],
    inputs: [],
    run(args, loaded) {
      const seed = seedOption(args);
      const t = trace(
        loaded.cluster,
        {
          from: required(args, "from"),
          to: required(args, "to"),
          protocol: protocolOption(args),
          seed,
        },
        { resolveName: resolveNameFor(loaded.cluster), lookUpName: lookUpNameFor(loaded.cluster) },
      );
      if (!t.ok) throw new UsageError(t.error.message);
      return { documents: [traceJSON(t.value)], exitCode: 0 };
    },
  },
  simulate: {
    options: ["script", "seed"],
    flags: ["events"],
    inputs: ["script"],
    run(args, _loaded, text, { files, log }) {
      const scriptFile = required(args, "script");
      const seed = seedOption(args);
      const parsed = parseScript(text(scriptFile));
      const problems = [...parsed.problems];
      let run: ScriptRun | null = null;
      if (!problems.length) {
        // Listed events are all printed, so a run that lists them stops sooner (limits.ts).
        const events = args.flags.has("events");
        const maxEvents = events ? LIMITS.listedRunEvents : LIMITS.runEvents;
        const sim = Simulation.load(files, { seed, maxEvents, hops: events });
        const r = runScript(sim, parsed.steps, { events });
        if (!r.ok) problems.push(r.error);
        else run = r.value;
        if (run?.truncated)
          log(
            `${scriptFile}:${run.truncated.line}: the run stopped at its cap of ${maxEvents} events${events ? " (with --events)" : ""}; the output covers what ran until then (docs/limits.md)`,
          );
      }
      if (problems.length || !run) {
        for (const p of problems) log(`${scriptFile}:${p.line}:${p.column}: ${p.message}`);
        const diagnostics = problems.map(({ line, column, message }) => ({
          severity: "error",
          path: "",
          object: "",
          file: scriptFile,
          line,
          column,
          message,
        }));
        return { documents: [{ diagnostics }], exitCode: 2 };
      }
      return { documents: [scriptRunJSON(run)], exitCode: 0 };
    },
  },
  env: {
    options: ["pod"],
    flags: [],
    inputs: [],
    run(args, loaded) {
      const pod = findPod(loaded, required(args, "pod"));
      return {
        documents: [
          { pod: `${pod.metadata.namespace}/${pod.metadata.name}`, env: serviceEnv(loaded.cluster, pod) },
        ],
        exitCode: 0,
      };
    },
  },
  rules: {
    options: ["node", "family"],
    flags: [],
    inputs: [],
    run(args, loaded) {
      const node = required(args, "node");
      const nodes = loaded.cluster.nodes.map((n) => n.metadata.name);
      if (!nodes.includes(node)) throw new UsageError(`no node named "${node}"; nodes: ${listed(nodes)}`);
      const familyText = args.options.get("family") ?? "4";
      if (familyText !== "4" && familyText !== "6")
        throw new UsageError(`--family must be 4 or 6; got "${familyText}"`, args.command);
      const family = Number(familyText) as 4 | 6;
      const { mode, text } = proxyRulesText(loaded.cluster, node, family);
      return { documents: [{ node, mode, family, text }], exitCode: 0 };
    },
  },
  resolve: {
    options: ["pod", "name", "type"],
    flags: [],
    inputs: [],
    run(args, loaded) {
      const pod = findPod(loaded, required(args, "pod"));
      const type = (args.options.get("type") ?? "A").toUpperCase();
      if (!["A", "AAAA", "SRV"].includes(type))
        throw new UsageError(
          `--type must be A, AAAA or SRV; got "${args.options.get("type")}"`,
          args.command,
        );
      return {
        documents: [resolve(loaded.cluster, pod, required(args, "name"), type as QueryType)],
        exitCode: 0,
      };
    },
  },
};

function seedOption(args: ParsedArgs): number {
  const seedText = args.options.get("seed") ?? "1";
  const seed = /^\d+$/.test(seedText) ? Number(seedText) : NaN;
  if (!(seed <= MAX_SEED))
    throw new UsageError(
      `--seed must be a whole number from 0 to ${MAX_SEED}; got "${seedText}"`,
      args.command,
    );
  return seed;
}

/** Names for a message: the first few, then how many in all. */
function listed(names: string[]): string {
  if (!names.length) return "none";
  const shown = names.slice(0, 10).join(", ");
  return names.length > 10 ? `${shown}, … (${names.length} in all)` : shown;
}

/** `NS/NAME` (or NAME in default) to a loaded pod. */
function findPod(loaded: LoadResult, ref: string): Pod {
  const { namespace: ns, name } = parseNsName(ref);
  const pod = loaded.cluster.pods.find((p) => p.metadata.namespace === ns && p.metadata.name === name);
  if (!pod) {
    const known = loaded.cluster.pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    throw new UsageError(`no pod ${ns}/${name}; pods: ${listed(known)}`);
  }
  return pod;
}

/** The options of every command, for parseArgs. */
export const COMMAND_SPECS: Record<string, OptionSpec> = COMMANDS;
