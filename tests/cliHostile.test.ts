// The CLI under careless or hostile input (issue 11): every failure is one line on stderr, never a stack
// trace, with its documented exit code; stdout is empty or JSON; time and memory stay bounded.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = new URL("..", import.meta.url).pathname;
const TSX = join(ROOT, "node_modules/.bin/tsx");
const MAIN = join(ROOT, "src/cli/main.ts");
const DEFAULT = join(ROOT, "scenarios/default.yaml");
const MB = 1024 * 1024;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], opts: { input?: string | Buffer; cwd?: string; timeout?: number } = {}): Run {
  const r = spawnSync(TSX, [MAIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: "utf8",
    input: opts.input,
    timeout: opts.timeout ?? 30_000,
    maxBuffer: 64 * MB,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), "kube-hops-hostile-"));
// The large inputs below take about 80 MB: removed after the run.
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

const STACK_FRAME = /^\s+at /m;

/** A failure as the CLI must report it: its exit code, nothing on stdout, one line on stderr. */
function expectOneLineFailure(r: Run, code: number, message: RegExp | string) {
  expect(r.stderr).not.toMatch(STACK_FRAME);
  expect(r.stderr.endsWith("\n") && r.stderr.split("\n").length === 2, `one line: ${r.stderr}`).toBe(true);
  if (typeof message === "string") expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
  expect(r.stdout).toBe("");
  expect(r.code).toBe(code);
}

const TRACE = ["trace", DEFAULT, "--from", "client:laptop", "--to", "192.168.1.2:30080"];

describe("cli arguments", { timeout: 60_000 }, () => {
  it("an option with no value is a usage error, exit 2", () => {
    expectOneLineFailure(cli(["trace", DEFAULT, "--from"]), 2, "option --from needs a value");
  });

  it("an option followed by another option has lost its value", () => {
    const r = cli(["trace", DEFAULT, "--from", "--to", "192.168.1.2:30080"]);
    expectOneLineFailure(r, 2, "option --from needs a value");
  });

  it("an empty option value is a usage error", () => {
    expectOneLineFailure(cli([...TRACE, "--seed="]), 2, "option --seed needs a value");
  });

  it("with no command, the usage goes to stderr and the exit is 2", () => {
    const r = cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^usage: /);
    expect(r.stderr).toContain("simulate FILES...");
  });

  it("--help prints the usage of every command to stdout and exits 0", () => {
    const r = cli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    for (const command of ["validate", "explain", "trace", "simulate", "env", "resolve"])
      expect(r.stdout).toContain(`  ${command} FILES...`);
    expect(r.stdout).toContain("3 internal error");
  });

  it("--help after a command prints its usage even among other arguments", () => {
    const r = cli(["trace", DEFAULT, "--from", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("trace FILES... --from client:NAME");
    expect(r.stdout).not.toContain("explain FILES...");
  });

  it("an option before the command is a usage error", () => {
    expectOneLineFailure(cli(["--seed", "1", "validate", DEFAULT]), 2, 'got "--seed" before any command');
  });

  it("a repeated option is a usage error", () => {
    expectOneLineFailure(cli([...TRACE, "--seed", "1", "--seed", "2"]), 2, "option --seed is given twice");
  });

  it("an unknown option names the ones the command takes", () => {
    expectOneLineFailure(
      cli([...TRACE, "--sead", "2"]),
      2,
      "unknown option --sead for trace; it takes --from, --to, --seed, --protocol",
    );
    expectOneLineFailure(cli(["validate", "-x", DEFAULT]), 2, "unknown option -x for validate");
  });

  it("a flag is known only to its command and takes no value", () => {
    expectOneLineFailure(cli(["validate", DEFAULT, "--events"]), 2, "unknown option --events for validate");
    expectOneLineFailure(
      cli(["simulate", DEFAULT, "--script", DEFAULT, "--events=yes"]),
      2,
      "option --events takes no value",
    );
  });

  it("a command named like an Object method is an unknown command, not a crash", () => {
    expectOneLineFailure(cli(["toString", DEFAULT]), 2, 'unknown command "toString"');
  });

  it("after --, arguments are files even when they start with a dash", () => {
    file("-dash.yaml", readFileSync(DEFAULT));
    const r = cli(["validate", "--", "-dash.yaml"], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ diagnostics: [] });
  });

  it.each(["1e999", "-1", "abc", "1.5", "4294967296", "99999999999999999999999"])(
    "--seed %s is a usage error",
    (seed) => {
      expectOneLineFailure(
        cli([...TRACE, "--seed", seed]),
        2,
        "--seed must be a whole number from 0 to 4294967295",
      );
    },
  );

  it("a file name with a line break is still reported on one line", () => {
    expectOneLineFailure(cli(["validate", "no\nsuch.yaml"]), 2, "cannot read no\\nsuch.yaml: no such file");
  });
});

describe("cli files", { timeout: 60_000 }, () => {
  it("a missing file", () => {
    expectOneLineFailure(
      cli(["validate", "no-such-file.yaml"]),
      2,
      "cannot read no-such-file.yaml: no such file",
    );
  });

  it("a directory given as a file", () => {
    expectOneLineFailure(cli(["validate", "scenarios"]), 2, "cannot read scenarios: it is a directory");
  });

  it("a symbolic link loop", () => {
    const loop = join(tmp, "loop.yaml");
    symlinkSync(loop, loop);
    expectOneLineFailure(
      cli(["validate", loop]),
      2,
      `cannot read ${loop}: too many levels of symbolic links`,
    );
  });

  it("standard input named twice", () => {
    const r = cli(["validate", "-", "-"], { input: "a: 1\n" });
    expectOneLineFailure(r, 2, "standard input (-) is named 2 times; it can be read only once");
  });

  it("standard input as a manifest and as the script", () => {
    const r = cli(["simulate", "-", "--script", "-"], { input: "a: 1\n" });
    expectOneLineFailure(r, 2, "standard input (-) is named 2 times");
  });

  it("/dev/zero is refused at once as binary, in bounded time and memory", () => {
    const started = Date.now();
    const r = cli(["validate", "/dev/zero"], { timeout: 15_000 });
    expectOneLineFailure(r, 2, "/dev/zero:1:1: a NUL byte: the file looks binary, not text");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("a file over 32 MB is refused without being parsed", () => {
    const big = file("big.yaml", Buffer.alloc(33 * MB, "# a comment line\n"));
    const r = cli(["validate", big]);
    expectOneLineFailure(r, 2, `${big} is larger than 32 MB: Kube Hops reads files up to 32 MB`);
  });

  it("standard input over 32 MB is refused at the limit", () => {
    const r = cli(["validate", "-"], { input: Buffer.alloc(33 * MB, "# a comment line\n") });
    expectOneLineFailure(r, 2, "standard input is larger than 32 MB: Kube Hops reads files up to 32 MB");
  });

  it("files over 32 MB together are refused", () => {
    const a = file("half-a.yaml", Buffer.alloc(20 * MB, "# a comment line\n"));
    const b = file("half-b.yaml", Buffer.alloc(20 * MB, "# a comment line\n"));
    const r = cli(["validate", a, b]);
    expectOneLineFailure(
      r,
      2,
      `${b} takes the input past 32 MB: Kube Hops reads up to 32 MB of files in all`,
    );
  });

  it("a binary file is refused, not echoed back as YAML errors", () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52];
    const p = file("image.png", Buffer.from(png));
    expectOneLineFailure(cli(["validate", p]), 2, `${p}:3:1: a NUL byte: the file looks binary, not text`);
  });

  it("UTF-16 text without a byte order mark is refused with what to do", () => {
    const text = readFileSync(DEFAULT, "utf8");
    const be = file("utf16be.yaml", Buffer.from(text, "utf16le").swap16());
    expectOneLineFailure(cli(["env", be, "--pod", "x"]), 2, `${be} looks like UTF-16 text; save it as UTF-8`);
  });

  it("invalid UTF-8 is refused at its line and column", () => {
    const p = file(
      "latin1.yaml",
      Buffer.from("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\xe9}\n", "latin1"),
    );
    expectOneLineFailure(cli(["validate", p]), 2, `${p}:3:21: not valid UTF-8 (byte 0xe9 at offset 51)`);
  });

  it("a UTF-8 byte order mark changes nothing", () => {
    const text = readFileSync(DEFAULT, "utf8").replace("nodePort: 30080", "nodePort: 29999");
    const plain = cli(["validate", file("plain.yaml", text)]);
    const bom = cli(["validate", file("bom.yaml", `\ufeff${text}`)]);
    expect(bom.code).toBe(1);
    expect(bom.stdout.replace("bom.yaml", "plain.yaml")).toBe(plain.stdout);
  });

  it("a script that is binary is refused like a manifest", () => {
    const script = file("script.bin", Buffer.from([0x2d, 0x20, 0, 1, 2]));
    expectOneLineFailure(cli(["simulate", DEFAULT, "--script", script]), 2, `${script}:1:3: a NUL byte`);
  });
});

describe("cli explain --queries with lines that are not queries", { timeout: 60_000 }, () => {
  it("answers each line in order; a bad line answers an error with its line number", () => {
    const good = '{"node":"node-1","src":"192.168.1.10","dst":"192.168.1.2:30080"}';
    const q = file(
      "hostile.jsonl",
      [
        good,
        "",
        "not json",
        "null",
        "[1, 2]",
        "42",
        '{"node": 1, "src": "x", "dst": "y"}',
        '{"node":"node-1","src":"192.168.1.10","dst":"192.168.1.2:30080","protocol":5}',
        '{"__proto__": {"node": "node-1"}, "src": "192.168.1.10", "dst": "192.168.1.2:30080"}',
        good,
      ].join("\r\n"),
    );
    const r = cli(["explain", DEFAULT, "--queries", q]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const answers = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { action?: string; error?: string });
    expect(answers.map((a) => a.action ?? a.error)).toEqual([
      "dnat",
      `${q}:3: not JSON: a query is one JSON object a line`,
      `${q}:4: not a JSON object: a query is one JSON object a line`,
      `${q}:5: not a JSON object: a query is one JSON object a line`,
      `${q}:6: not a JSON object: a query is one JSON object a line`,
      `${q}:7: a query needs "node", "src" and "dst" strings`,
      `${q}:8: "protocol" must be a string`,
      `${q}:9: a query needs "node", "src" and "dst" strings`,
      "dnat",
    ]);
  });
});

describe("cli failures nobody expected", { timeout: 60_000 }, () => {
  const failing = (how: string) => {
    const r = spawnSync(TSX, [join(ROOT, "tests/fixtures/failingCli.ts"), how], {
      cwd: ROOT,
      encoding: "utf8",
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it("an exception is one line, exit 3, asking for a report", () => {
    expectOneLineFailure(
      failing("throw"),
      3,
      "kube-hops: internal error: TypeError: Cannot read properties of undefined (reading 'spec'); please report it",
    );
  });

  it("a rejected promise nobody awaits is one line, exit 3", () => {
    expectOneLineFailure(
      failing("reject"),
      3,
      "internal error: RangeError: Maximum call stack size exceeded;",
    );
  });

  it("an exception thrown from a timer is one line, exit 3", () => {
    expectOneLineFailure(failing("timer"), 3, "internal error: Error: thrown from a timer;");
  });

  it("hostile manifests never show a stack trace, whatever the command", () => {
    const hostile = file(
      "proto.yaml",
      [
        "apiVersion: v1",
        "kind: Pod",
        "metadata: {name: p, labels: {app: web}}",
        "spec:",
        "  containers:",
        "  - name: c",
        "    image: x",
        "    ports:",
        "    - containerPort: 80",
        "      __proto__: {name: 1}",
        "---",
        "apiVersion: v1",
        "kind: Service",
        "metadata: {name: s}",
        "spec:",
        "  selector: {app: web}",
        "  ports:",
        "  - port: 80",
        "    targetPort: {__proto__: 1}",
        "",
      ].join("\n"),
    );
    for (const args of [
      ["validate", hostile],
      ["env", hostile, "--pod", "p"],
      ["trace", hostile, "--from", "pod:default/p", "--to", "10.96.0.1:443"],
    ]) {
      const r = cli(args);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect([0, 1, 2, 3]).toContain(r.code);
      if (r.stdout) expect(() => JSON.parse(r.stdout)).not.toThrow();
      for (const line of r.stderr.split("\n").filter(Boolean))
        expect(line).toMatch(/^(kube-hops: |\S+:\d+:\d+: )/);
    }
  });

  it("hostile addresses in trace and simulate (IPv6, ICMP, prototype names) never show a stack trace", () => {
    const script = file(
      "hostile-script.yaml",
      [
        '- send: {from: "ip:fd00::5", to: "[fd00::1]", protocol: ICMP}',
        '- burst: {from: "ip:fd00::5", to: "[fd00::1]:30080", count: 2, protocol: SCTP}',
        "- failNode: __proto__",
        '- send: {from: "ip:::1", to: "10.96.0.1", protocol: ICMP}',
        "",
      ].join("\n"),
    );
    for (const args of [
      ["trace", DEFAULT, "--from", "client:laptop", "--to", "[fd00::1]", "--protocol", "icmp"],
      ["trace", DEFAULT, "--from", "ip:fd00::1", "--to", "[fd00::1]:30080"],
      ["trace", DEFAULT, "--from", "node:__proto__", "--to", "[::]:0"],
      ["simulate", DEFAULT, "--script", script],
    ]) {
      const r = cli(args);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect([0, 2]).toContain(r.code);
      if (r.stdout) expect(() => JSON.parse(r.stdout)).not.toThrow();
      for (const line of r.stderr.split("\n").filter(Boolean))
        expect(line).toMatch(/^(kube-hops: |\S+:\d+:\d+: )/);
    }
  });

  it("a reader that stops early ends the CLI quietly", () => {
    const script = file("many.yaml", "- burst: {from: client:laptop, to: 192.168.1.2:30080, count: 2000}\n");
    const r = spawnSync(
      "bash",
      [
        "-c",
        `"${TSX}" "${MAIN}" simulate "${DEFAULT}" --script "${script}" --events | head -c 10 >/dev/null; exit \${PIPESTATUS[0]}`,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("cli problems outside validate", { timeout: 60_000 }, () => {
  it("lists the first 20 manifest errors on stderr, then how many more", () => {
    const services = Array.from(
      { length: 30 },
      (_, i) => `apiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec: {ports: [{port: 0}]}\n`,
    );
    const manifests = file("many-errors.yaml", services.join("---\n"));
    const errors = (
      JSON.parse(cli(["validate", manifests]).stdout) as { diagnostics: { severity: string }[] }
    ).diagnostics.filter((d) => d.severity === "error").length;
    expect(errors).toBeGreaterThan(20);
    const r = cli(["env", manifests, "--pod", "x"]);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(22);
    for (const line of lines.slice(0, 20))
      expect(line).toMatch(/many-errors\.yaml:\d+:\d+: Service\/default\/s\d+: /);
    expect(lines[20]).toBe(`… and ${errors - 20} more errors (validate lists them all)`);
    expect(lines[21]).toMatch(/^kube-hops: no pod default\/x/);
  });
});
