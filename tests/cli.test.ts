// The CLI as scripts use it (docs/cli.md): JSON on stdout, exit codes 0/1/2, --queries in one process.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("..", import.meta.url).pathname;
const TSX = join(ROOT, "node_modules/.bin/tsx");

function cli(args: string[], input?: string) {
  const r = spawnSync(TSX, ["src/cli/main.ts", ...args], { cwd: ROOT, encoding: "utf8", input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), "kube-hops-cli-"));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

/** explain --queries on the default scenario: each printed line as JSON. */
const explainQueries = (queries: string) =>
  cli(["explain", "scenarios/default.yaml", "--queries", queries])
    .stdout.trim()
    .split("\n")
    .map((l) => JSON.parse(l));

describe("cli", { timeout: 60_000 }, () => {
  it("validate prints the diagnostics as JSON and exits 0 for a clean manifest", () => {
    const r = cli(["validate", "scenarios/default.yaml"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ diagnostics: [] });
  });

  it("validate exits 1 with the API server's message, path, object, line and column for an invalid Service", () => {
    const f = file(
      "bad.yaml",
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 29999\n",
    );
    const r = cli(["validate", f]);
    expect(r.code).toBe(1);
    const [d] = JSON.parse(r.stdout).diagnostics;
    expect(d).toEqual({
      severity: "error",
      message:
        "Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767",
      path: "spec.ports[0].nodePort",
      object: "Service/default/web",
      file: f,
      line: 9,
      column: 15,
    });
  });

  it("validate exits 0 when there are only warnings", () => {
    const f = file(
      "warn.yaml",
      "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: nothing}, ports: [{port: 80}]}\n",
    );
    const r = cli(["validate", f]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics[0].severity).toBe("warning");
  });

  it("reads manifests from standard input given -", () => {
    const r = cli(["validate", "-"], "apiVersion: v1\nkind: Srevice\nmetadata: {name: x}\n");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics[0].file).toBe("<stdin>");
  });

  it("validate reads a UTF-16 file that starts with a byte order mark", () => {
    const p = join(tmp, "utf16.yaml");
    const text = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n";
    writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const r = cli(["validate", p]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics.every((d: { severity: string }) => d.severity !== "error")).toBe(
      true,
    );
  });

  it("exits 2 naming a file that cannot be read", () => {
    const r = cli(["validate", "no-such-file.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("cannot read no-such-file.yaml: no such file");
  });

  it("exits 2 for an unknown command or option", () => {
    expect(cli(["frobnicate", "scenarios/default.yaml"]).code).toBe(2);
    const r = cli([
      "trace",
      "scenarios/default.yaml",
      "--from",
      "client:laptop",
      "--to",
      "192.168.1.2:30080",
      "--sead",
      "2",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option --sead");
  });

  it("exits 2 for a node that does not exist", () => {
    const r = cli([
      "explain",
      "scenarios/default.yaml",
      "--node",
      "node-9",
      "--src",
      "192.168.1.10",
      "--dst",
      "192.168.1.2:30080",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no node named "node-9"');
  });

  it("explain prints exactly the contract's keys", () => {
    const r = cli([
      "explain",
      "scenarios/default.yaml",
      "--node",
      "node-1",
      "--src",
      "192.168.1.10",
      "--dst",
      "192.168.1.2:30080",
    ]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(Object.keys(d)).toEqual(["action", "candidates", "masquerade", "rules", "reason"]);
    expect(d.action).toBe("dnat");
    expect(d.candidates).toHaveLength(3);
  });

  it("explain --queries answers each line in order, one JSON document a line", () => {
    const q = file(
      "q.jsonl",
      [
        '{"node":"node-1","src":"192.168.1.10","dst":"192.168.1.2:30080"}',
        '{"node":"node-1","src":"192.168.1.10","dst":"192.168.1.2:31999"}',
        "not json",
      ].join("\n"),
    );
    const lines = explainQueries(q);
    expect(lines.map((l) => l.action ?? "error")).toEqual(["dnat", "pass", "error"]);
  });

  it("explain --queries keeps file order when the lines jump between nodes (answered node by node)", () => {
    const q = file(
      "nodes.jsonl",
      [
        '{"node":"node-2","src":"192.168.1.10","dst":"192.168.1.3:30080"}',
        '{"node":"node-1","src":"192.168.1.10","dst":"192.168.1.3:30080"}',
        "not json",
        '{"node":"node-2","src":"192.168.1.10","dst":"192.168.1.2:30080"}',
        '{"node":"node-1","src":"192.168.1.10","dst":"192.168.1.2:30080"}',
      ].join("\n"),
    );
    const lines = explainQueries(q);
    expect(lines.map((l) => l.action ?? l.error)).toEqual([
      "dnat",
      "pass",
      `${q}:3: not JSON: a query is one JSON object a line`,
      "pass",
      "dnat",
    ]);
    expect(lines[1].reason).toContain("192.168.1.3:30080");
    expect(lines[3].reason).toContain("192.168.1.2:30080");
  });

  it("trace --help prints the command's usage", () => {
    const r = cli(["trace", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--from client:NAME|pod:NS/NAME|node:NAME|ip:ADDR");
  });

  it("trace gives the same JSON for the same seed", () => {
    const args = [
      "trace",
      "scenarios/default.yaml",
      "--from",
      "client:laptop",
      "--to",
      "192.168.1.2:30080",
      "--seed",
      "7",
    ];
    expect(cli(args).stdout).toBe(cli(args).stdout);
  });
});

describe("cli simulate", { timeout: 120_000 }, () => {
  it("runs the README's script and prints one phase per traffic action", () => {
    const script = file(
      "script.yaml",
      [
        "- burst: {from: client:laptop, to: 192.168.1.2:30080, count: 300, connection: new}",
        "- failNode: node-2",
        "- wait: 60s",
        "- burst: {from: client:laptop, to: 192.168.1.2:30080, count: 300, connection: new}",
      ].join("\n"),
    );
    const r = cli(["simulate", "scenarios/default.yaml", "--script", script, "--seed", "1"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["seed", "simulatedSeconds", "phases", "events"]);
    expect(out.phases.map((p: { requests: number }) => p.requests)).toEqual([300, 300]);
    expect(out.phases[1].perNode).toEqual({ "node-3": 300 });
  });

  it("exits 2 with the line of a script error", () => {
    const script = file("bad-script.yaml", "- wait: 1s\n- failNode: node-9\n");
    const r = cli(["simulate", "scenarios/default.yaml", "--script", script]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ line: 2, message: 'no node named "node-9"' });
  });

  it("lists every event with --events", () => {
    const script = file("one.yaml", "- send: {from: client:laptop, to: 192.168.1.3:30080}\n");
    const out = JSON.parse(
      cli(["simulate", "scenarios/default.yaml", "--script", script, "--events"]).stdout,
    );
    expect(out.events.length).toBeGreaterThan(3);
    expect(out.events[0]).toHaveProperty("link");
  });
});

describe("cli limits", { timeout: 120_000 }, () => {
  const DEFAULT = readFileSync(join(ROOT, "scenarios/default.yaml"), "utf8");
  const TO = "from: client:laptop, to: 192.168.1.2:30080";

  it("simulate refuses a burst of 1e9 requests at its line, exit 2, before running anything", () => {
    const script = file("huge-burst.yaml", `- wait: 1s\n- burst: {${TO}, count: 1000000000}\n`);
    const r = cli(["simulate", "scenarios/default.yaml", "--script", script]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${script}:2:3: count must be a whole number from 1 to 100000; got 1000000000\n`);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ line: 2, severity: "error" });
  });

  it("simulate stops at its cap of 10,000,000 events, says so on stderr and in truncated, and exits 0", () => {
    const script = file("flood.yaml", `- rate: {${TO}, perSecond: 100000, duration: 24h}\n`);
    const r = cli(["simulate", "scenarios/default.yaml", "--script", script]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.truncated).toEqual({ reason: "eventCap", events: 10_000_000, line: 1 });
    expect(out.phases[0].requests).toBeGreaterThan(1_000_000);
    expect(r.stderr).toContain(`${script}:1: the run stopped at its cap of 10000000 events`);
  });

  it("validate warns once when replicas: 2147483647 exceed what the cluster holds, and ends in seconds", () => {
    const f = file("huge-replicas.yaml", DEFAULT.replace("  replicas: 3\n", "  replicas: 2147483647\n"));
    const started = Date.now();
    const r = cli(["validate", f]);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(r.code).toBe(0);
    const [d, ...rest] = JSON.parse(r.stdout).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: "warning", path: "spec.replicas", object: "Deployment/default/web" });
    expect(d.message).toContain("2147483147 are not created: this playground holds at most 500 pods");
  });

  it("validate refuses healthCheckInterval: 0s at its line, exit 1", () => {
    const f = file(
      "zero-probe.yaml",
      DEFAULT.replace("  clients:\n", "  timing:\n    healthCheckInterval: 0s\n  clients:\n"),
    );
    const r = cli(["validate", f]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({
      path: "spec.timing.healthCheckInterval",
      line: 15,
      file: f,
    });
  });

  it("rules prints the node's iptables-save text in iptables mode", () => {
    const r = cli(["rules", "scenarios/default.yaml", "--node", "node-2"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["node", "mode", "family", "text"]);
    expect(out).toMatchObject({ node: "node-2", mode: "iptables", family: 4 });
    expect(out.text).toMatch(/^# Generated by iptables-save .*\n\*filter\n/);
    expect(out.text).toContain("-A KUBE-SERVICES ");
  });

  it("rules prints `nft list table ip kube-proxy` in nftables mode", () => {
    const yaml = readFileSync(join(ROOT, "scenarios/default.yaml"), "utf8");
    const f = file("nftables.yaml", yaml.replace("    mode: iptables\n", "    mode: nftables\n"));
    const out = JSON.parse(cli(["rules", f, "--node", "node-1", "--family", "4"]).stdout);
    expect(out).toMatchObject({ node: "node-1", mode: "nftables", family: 4 });
    expect(out.text).toMatch(/^table ip kube-proxy \{\n\tcomment "rules for kube-proxy"\n/);
    expect(out.text).toContain("\tmap service-nodeports {\n");
    expect(out.text).toMatch(/\n\t\t\w.* : goto external-[A-Z2-7]{8}-default\/web\/tcp\/http/);
  });

  it("simulate runs on nftables mode's rules as on iptables mode's: every request delivered", () => {
    const yaml = readFileSync(join(ROOT, "scenarios/default.yaml"), "utf8");
    const f = file("nftables-sim.yaml", yaml.replace("    mode: iptables\n", "    mode: nftables\n"));
    const script = file("burst.yaml", "- burst: {from: client:laptop, to: 192.168.1.2:30080, count: 30}\n");
    const out = JSON.parse(cli(["simulate", f, "--script", script]).stdout);
    expect(out.phases[0].results).toEqual({ delivered: 30, refused: 0, rejected: 0, dropped: 0, timeout: 0 });
  });

  it("rules refuses a family other than 4 or 6, and an unknown node, with exit 2", () => {
    expect(cli(["rules", "scenarios/default.yaml", "--node", "node-1", "--family", "5"]).code).toBe(2);
    const r = cli(["rules", "scenarios/default.yaml", "--node", "node-9"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no node named "node-9"');
  });
});
