import { describe, expect, it } from "vitest";
import { type Invocation, parseArgs, UsageError } from "./args";

const SPECS = {
  trace: { options: ["from", "to", "seed"], flags: [] },
  simulate: { options: ["script"], flags: ["events"] },
};
const parse = (...argv: string[]) => parseArgs(argv, SPECS);
const run = (inv: Invocation) => {
  if (inv.kind !== "run") throw new Error(`not a run: ${inv.kind}`);
  return inv.args;
};
const usageError = (...argv: string[]) => {
  try {
    parse(...argv);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error("no usage error");
};

describe("parseArgs", () => {
  it("reads files, options with a space or an equals sign, and flags", () => {
    const a = run(parse("simulate", "a.yaml", "--script=s.yaml", "-", "--events"));
    expect(a.files).toEqual(["a.yaml", "-"]);
    expect(a.options.get("script")).toBe("s.yaml");
    expect([...a.flags]).toEqual(["events"]);
    expect(run(parse("trace", "--seed", "-1")).options.get("seed")).toBe("-1");
  });

  it("takes everything after -- as files", () => {
    expect(run(parse("trace", "a", "--", "--seed", "-x", "--")).files).toEqual(["a", "--seed", "-x", "--"]);
  });

  it("answers --help and help before anything else it could complain about", () => {
    expect(parse("--help")).toEqual({ kind: "help" });
    expect(parse("help", "trace")).toEqual({ kind: "help", command: "trace" });
    expect(parse("trace", "--from", "--help")).toEqual({ kind: "help", command: "trace" });
    expect(parse("trace", "-h", "--bogus")).toEqual({ kind: "help", command: "trace" });
    expect(parse()).toEqual({ kind: "no-command" });
  });

  it("refuses what it would otherwise have to guess", () => {
    expect(usageError("trace", "--from")).toBe("option --from needs a value");
    expect(usageError("trace", "--from", "--to", "x")).toBe("option --from needs a value");
    expect(usageError("trace", "--from=")).toBe("option --from needs a value");
    expect(usageError("trace", "--to", "a", "--to", "b")).toBe("option --to is given twice");
    expect(usageError("simulate", "--events", "--events")).toBe("option --events is given twice");
    expect(usageError("simulate", "--events=1")).toBe('option --events takes no value; got "--events=1"');
    expect(usageError("trace", "--constructor", "x")).toBe(
      "unknown option --constructor for trace; it takes --from, --to, --seed",
    );
    expect(usageError("trace", "-v")).toContain("unknown option -v for trace");
    expect(usageError("--seed", "1", "trace")).toContain('got "--seed" before any command');
    expect(usageError("__proto__")).toContain('unknown command "__proto__"');
    expect(usageError("help", "hasOwnProperty")).toContain('no command "hasOwnProperty"');
  });
});
