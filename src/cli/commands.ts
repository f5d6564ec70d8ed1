// Each CLI command: arguments in, JSON documents out. The engine does the work; this only reads options.
import { parseAddress } from "../engine/trace/address";
import { explain, type Decision } from "../engine/proxy";
import { trace } from "../engine/trace/trace";
import type { TraceProtocol } from "../engine/trace/types";
import type { LoadResult } from "../model/cluster";
import type { Diagnostic } from "../model/diagnostics";
import { hasErrors } from "../model/diagnostics";
import { resolve, serviceEnv } from "../model/discovery";
import type { QueryType } from "../model/discovery/types";
import { parseIP } from "../model/ip";
import type { Pod } from "../model/k8s";
import { loadManifests, type ManifestFile } from "../model/load";
import { resolveNameFor } from "../engine/trace/resolveName";
import { LIMITS } from "../engine/sim/limits";
import { parseScript, runScript } from "../engine/sim/script";
import { Simulation } from "../engine/sim/simulation";
import { expectOptions, type ParsedArgs, required, UsageError } from "./args";
import { scriptRunJSON, traceJSON } from "./output";

export interface CommandOutput {
  documents: unknown[];
  exitCode: number;
}

type ReadFile = (path: string) => string;
type Log = (message: string) => void;

const PROTOCOLS = ["TCP", "UDP", "SCTP", "ICMP"] as const;

export function runCommand(args: ParsedArgs, readFile: ReadFile, log: Log): CommandOutput {
  const command = COMMANDS[args.command];
  if (!command) throw new UsageError(`unknown command "${args.command}"`);
  expectOptions(args, command.options);
  if (!args.files.length)
    throw new UsageError(`${args.command} needs at least one manifest file (or - for standard input)`);
  const files = args.files.map((file) => ({ file: file === "-" ? "<stdin>" : file, text: readFile(file) }));
  const loaded = loadManifests(files);
  if (args.command !== "validate") reportProblems(loaded.diagnostics, log);
  return command.run(args, loaded, readFile, { files, log });
}

/** Outside validate, manifest problems go to stderr: the answer is computed for what did load. */
function reportProblems(ds: Diagnostic[], log: Log) {
  for (const d of ds)
    if (d.severity === "error")
      log(
        `${d.file}:${d.line}:${d.column}: ${d.object ? `${d.object}: ` : ""}${d.path ? `${d.path}: ` : ""}${d.message} (not loaded)`,
      );
}

function protocolOption(args: ParsedArgs): TraceProtocol {
  const p = (args.options.get("protocol") ?? "TCP").toUpperCase();
  if (!(PROTOCOLS as readonly string[]).includes(p))
    throw new UsageError(
      `--protocol must be one of ${PROTOCOLS.join(", ")}; got "${args.options.get("protocol")}"`,
    );
  return p as TraceProtocol;
}

/** The explain answer exactly as CLI.md gives it. */
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

function answerQuery(loaded: LoadResult, q: ExplainQuery): object {
  const { cluster } = loaded;
  if (!cluster.nodes.some((n) => n.metadata.name === q.node))
    throw new UsageError(
      `no node named "${q.node}"; nodes: ${cluster.nodes.map((n) => n.metadata.name).join(", ")}`,
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
  return explainJSON(
    explain(cluster, { node: q.node, src: q.src, dst: q.dst, protocol: protocol as TraceProtocol }),
  );
}

interface Command {
  options: readonly string[];
  run(
    args: ParsedArgs,
    loaded: LoadResult,
    readFile: ReadFile,
    ctx: { files: ManifestFile[]; log: Log },
  ): CommandOutput;
}

const COMMANDS: Record<string, Command> = {
  validate: {
    options: [],
    run: (_args, loaded) => ({
      documents: [{ diagnostics: loaded.diagnostics }],
      exitCode: hasErrors(loaded.diagnostics) ? 1 : 0,
    }),
  },
  explain: {
    options: ["node", "src", "dst", "protocol", "queries"],
    run(args, loaded, readFile) {
      const queriesFile = args.options.get("queries");
      if (!queriesFile) {
        const q = {
          node: required(args, "node"),
          src: required(args, "src"),
          dst: required(args, "dst"),
          protocol: protocolOption(args),
        };
        return { documents: [answerQuery(loaded, q)], exitCode: 0 };
      }
      const documents = readFile(queriesFile)
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "")
        .map((line, i) => {
          try {
            const q = JSON.parse(line) as ExplainQuery;
            if (
              typeof q !== "object" ||
              q === null ||
              typeof q.node !== "string" ||
              typeof q.src !== "string" ||
              typeof q.dst !== "string"
            )
              return { error: `${queriesFile}:${i + 1}: a query needs "node", "src" and "dst" strings` };
            return answerQuery(loaded, q);
          } catch (e) {
            return { error: `${queriesFile}:${i + 1}: ${(e as Error).message}` };
          }
        });
      return { documents, exitCode: 0 };
    },
  },
  trace: {
    options: ["from", "to", "seed", "protocol"],
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
        { resolveName: resolveNameFor(loaded.cluster) },
      );
      if ("error" in t) throw new UsageError(t.error);
      return { documents: [traceJSON(t)], exitCode: 0 };
    },
  },
  simulate: {
    options: ["script", "seed"],
    run(args, _loaded, readFile, { files, log }) {
      const scriptFile = required(args, "script");
      const seed = seedOption(args);
      const parsed = parseScript(readFile(scriptFile));
      const problems = [...parsed.problems];
      let run: ReturnType<typeof runScript> | null = null;
      if (!problems.length) {
        // Listed events are all printed, so a run that lists them stops sooner (limits.ts).
        const events = args.flags.has("events");
        const maxEvents = events ? LIMITS.listedRunEvents : LIMITS.runEvents;
        const sim = Simulation.load(files, { seed, maxEvents, hops: events });
        run = runScript(sim, parsed.steps, { events });
        if ("message" in run) problems.push(run);
        else if (run.truncated)
          log(
            `${scriptFile}:${run.truncated.line}: the run stopped at its cap of ${maxEvents} events${events ? " (with --events)" : ""}; the output covers what ran until then (docs/limits.md)`,
          );
      }
      if (problems.length || !run || "message" in run) {
        for (const p of problems) log(`${scriptFile}:${p.line}:${p.column}: ${p.message}`);
        const diagnostics = problems.map((p) => ({
          severity: "error",
          path: "",
          object: "",
          file: scriptFile,
          ...p,
        }));
        return { documents: [{ diagnostics }], exitCode: 2 };
      }
      return { documents: [scriptRunJSON(run)], exitCode: 0 };
    },
  },
  env: {
    options: ["pod"],
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
  resolve: {
    options: ["pod", "name", "type"],
    run(args, loaded) {
      const pod = findPod(loaded, required(args, "pod"));
      const type = (args.options.get("type") ?? "A").toUpperCase();
      if (!["A", "AAAA", "SRV"].includes(type))
        throw new UsageError(`--type must be A, AAAA or SRV; got "${args.options.get("type")}"`);
      return {
        documents: [resolve(loaded.cluster, pod, required(args, "name"), type as QueryType)],
        exitCode: 0,
      };
    },
  },
};

function seedOption(args: ParsedArgs): number {
  const seedText = args.options.get("seed") ?? "1";
  if (!/^\d+$/.test(seedText)) throw new UsageError(`--seed must be a whole number; got "${seedText}"`);
  return Number(seedText);
}

/** `NS/NAME` (or NAME in default) to a loaded pod. */
function findPod(loaded: LoadResult, ref: string): Pod {
  const [ns, name] = ref.includes("/") ? ref.split("/", 2) : ["default", ref];
  const pod = loaded.cluster.pods.find((p) => p.metadata.namespace === ns && p.metadata.name === name);
  if (!pod) {
    const known = loaded.cluster.pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    throw new UsageError(`no pod ${ns}/${name}; pods: ${known.join(", ") || "none"}`);
  }
  return pod;
}
