// Properties of the whole CLI, run in-process (runCli) with random command lines built from every
// command's real options plus junk, over generated and mutated clusters: a documented exit code (never
// an internal error), one line on stderr per failure with no stack frame, JSON (or nothing) on stdout,
// diagnostics that point into their file, and the same bytes for the same input.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { COMMAND_SPECS } from "../../src/cli/commands";
import { runCli } from "../../src/cli/run";
import { loadManifests } from "../../src/model/load";
import { type Step, stepsArb } from "./actions";
import { clusterArb, mutate, mutationArb, SEED, toYaml } from "./clusters";

const tmp = mkdtempSync(join(tmpdir(), "kube-hops-fuzz-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const MANIFEST = join(tmp, "cluster.yaml");
const SCRIPT = join(tmp, "script.yaml");
const QUERIES = join(tmp, "queries.jsonl");
const MISSING = join(tmp, "missing.yaml");

const STACK_FRAME = /^\s+at /m;

/** A script step as the script file writes it (docs/cli.md). */
function scriptItem(s: Step): unknown {
  if ("wait" in s) return { wait: `${Math.round(s.wait / 1000)}ms` };
  const { type, ...rest } = s.action;
  switch (s.action.type) {
    case "failNode":
    case "recoverNode":
      return { [type]: s.action.node };
    case "deletePod":
      return { deletePod: s.action.pod };
    case "apply":
      return { apply: s.action.manifest };
    case "stopTraffic":
      return { wait: "1s" };
    case "burst":
      return {
        burst: { ...rest, intervalTicks: undefined, interval: `${s.action.intervalTicks! / 1000}ms` },
      };
    case "rate":
      return { rate: { ...rest, durationTicks: undefined, duration: `${s.action.durationTicks / 1e6}s` } };
    default:
      return { [type]: rest };
  }
}

const caseArb = fc
  .tuple(clusterArb, fc.option(mutationArb, { freq: 3, nil: undefined }))
  .chain(([c, m]) => {
    const text = toYaml(m ? mutate(c.docs, m) : c.docs);
    const pods = loadManifests([{ file: "c.yaml", text: toYaml(c.docs) }]).cluster.pods.map(
      (p) => `${p.metadata.namespace}/${p.metadata.name}`,
    );
    // Each option's good values four times as often as its bad ones.
    const pick = (good: string[], ...bad: string[]) =>
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...good) },
        { weight: 1, arbitrary: fc.constantFrom(...bad) },
      );
    const values: Record<string, fc.Arbitrary<string>> = {
      node: pick(c.nodes, "node-99", "__proto__"),
      src: pick(["192.168.1.100", "10.244.0.5", c.nodeIPs[0]!], "::1", "junk"),
      dst: pick([...c.targets.filter((t) => /^\d/.test(t)), "10.96.0.10:80"], "[::1]:80", "1.2.3.4", "x:y"),
      protocol: pick(["TCP", "UDP", "SCTP", "ICMP", "udp"], "FOO"),
      queries: pick([QUERIES], MISSING),
      from: pick(
        [`client:${c.clients[0]}`, `node:${c.nodes[0]}`, ...pods.slice(0, 1).map((p) => `pod:${p}`)],
        "ip:1.2.3.4",
        "bogus",
      ),
      to: pick(c.targets, "1.2.3.4", "x"),
      seed: pick(["1", "7", "4294967295"], "4294967296", "-1", "abc", "1e3"),
      script: pick([SCRIPT], MISSING),
      pod: pick(pods.length ? pods.slice(0, 2) : ["default/none"], "default/none", "a/b/c"),
      name: pick(["svc-1", "kubernetes", "svc-1.default.svc.cluster.local", "_http._tcp.svc-1"], "..", ""),
      type: pick(["A", "AAAA", "SRV"], "MX"),
    };
    const command = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...Object.keys(COMMAND_SPECS)) },
      {
        weight: 1,
        arbitrary: fc.constantFrom("help", "--help", "bogus", "", "-", "constructor", "__proto__"),
      },
    );
    return command.chain((cmd) => {
      const spec = Object.hasOwn(COMMAND_SPECS, cmd) ? COMMAND_SPECS[cmd]! : { options: ["seed"], flags: [] };
      const options = spec.options.map((o) =>
        fc.option(
          fc
            .tuple(values[o] ?? fc.string(), fc.boolean())
            .map(([v, eq]) => (eq ? [`--${o}=${v}`] : [`--${o}`, v])),
          { freq: 10, nil: undefined },
        ),
      );
      // Junk in one command line of four, so that most runs get past the argument parser.
      const junk = fc.oneof(
        { weight: 3, arbitrary: fc.constant([]) },
        {
          weight: 1,
          arbitrary: fc.array(
            fc.constantFrom("--", "-x", "--bogus", "--seed=", "--events", "--help", "-", MISSING, "--node"),
            { minLength: 1, maxLength: 2 },
          ),
        },
      );
      const files = fc.constantFrom(
        [MANIFEST],
        [MANIFEST],
        [MANIFEST],
        [MANIFEST],
        ["-"],
        [],
        [MANIFEST, MANIFEST],
      );
      return fc.record({
        text: fc.constant(text),
        files,
        options: fc.tuple(...options),
        flags: fc.subarray([...spec.flags]),
        junk,
        junkAt: fc.nat(),
        cmd: fc.constant(cmd),
        steps: stepsArb(c, pods),
        queries: fc.array(
          fc.oneof(
            fc
              .record({ node: values.node!, src: values.src!, dst: values.dst!, protocol: values.protocol! })
              .map((q) => JSON.stringify(q)),
            fc.constantFrom("", "{", "[]", "null", '{"node":1}', '{"__proto__":{"node":"x"}}'),
          ),
          { maxLength: 4 },
        ),
      });
    });
  })
  .map((k) => {
    const rest = [...k.files, ...k.options.flatMap((o) => o ?? []), ...k.flags.map((f) => `--${f}`)];
    rest.splice(k.junkAt % (rest.length + 1), 0, ...k.junk);
    return { ...k, argv: [k.cmd, ...rest] };
  });

async function run(argv: string[], stdinText: string) {
  let stdout = "";
  let stderr = "";
  let code: number;
  try {
    code = await runCli(argv, {
      stdin: async function* () {
        yield new TextEncoder().encode(stdinText);
      },
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
    });
  } catch (e) {
    code = 3;
    stderr += `thrown: ${e instanceof Error ? e.stack : String(e)}`;
  }
  return { code, stdout, stderr };
}

const isHelp = (argv: string[]) => {
  const end = argv.indexOf("--");
  const before = end < 0 ? argv : argv.slice(0, end);
  return argv[0] === "help" || before.some((a) => a === "--help" || a === "-h");
};

describe("the CLI under random command lines", { timeout: 60_000 }, () => {
  it("exits 0, 1 or 2 with one-line messages, JSON output, lines in the file, and the same bytes twice", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (k) => {
        writeFileSync(MANIFEST, k.text);
        writeFileSync(SCRIPT, stringify(k.steps.map(scriptItem)));
        writeFileSync(QUERIES, k.queries.join("\n"));
        const r = await run(k.argv, k.text);
        expect([0, 1, 2], r.stderr).toContain(r.code);
        expect(r.stderr).not.toMatch(STACK_FRAME);
        // The loader turns its own crash into an "Internal error" diagnostic: that is a bug too.
        expect(r.stdout + r.stderr).not.toMatch(/internal error/i);
        expect(r.stderr === "" || r.stderr.endsWith("\n")).toBe(true);
        if (r.stdout.startsWith("usage: ")) {
          expect(isHelp(k.argv) && r.code === 0).toBe(true);
          return;
        }
        // A failure with nothing to show is exactly one line (manifest problems may come before it).
        if (r.code === 2 && r.stdout === "" && !/\(not loaded\)|more errors/.test(r.stderr))
          expect(r.stderr.split("\n")).toHaveLength(2);
        const lines = r.stdout.split("\n").filter((l) => l !== "");
        if (!k.argv.some((a) => a.startsWith("--queries"))) expect(lines.length).toBeLessThanOrEqual(1);
        for (const line of lines) {
          const doc = JSON.parse(line) as { diagnostics?: { file: string; line: number }[] };
          for (const d of doc.diagnostics ?? [])
            if (d.file) expect(d.line, JSON.stringify(d)).toBeGreaterThan(0);
        }
        expect(await run(k.argv, k.text)).toEqual(r);
      }),
      { numRuns: 400, seed: SEED },
    );
  });
});
