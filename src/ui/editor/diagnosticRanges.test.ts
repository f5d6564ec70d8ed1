import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../protocol/diagnostics";
import { diagnosticRange, diagnosticText, diffTexts, mapDiagnostics, textOf } from "./diagnosticRanges";

const yaml = [
  "apiVersion: v1", // 1
  "kind: Service", // 2
  "spec:", // 3
  "  ports:", // 4
  "    - port: 80", // 5
  "      nodePort: 29999 # too low", // 6
  "", // 7
].join("\n");

const at = (line: number, column: number) => ({ line, column });
const slice = (text: string, r: { from: number; to: number }) => text.slice(r.from, r.to);

describe("diagnosticRange", () => {
  const doc = textOf(yaml);

  it("marks the value from its 1-based line and column, without a trailing comment", () => {
    expect(slice(yaml, diagnosticRange(doc, at(6, 17)))).toBe("29999");
    expect(slice(yaml, diagnosticRange(doc, at(2, 7)))).toBe("Service");
  });

  it("marks the line's text when the column is at or past the end of the line", () => {
    expect(slice(yaml, diagnosticRange(doc, at(4, 9)))).toBe("ports:");
    expect(slice(yaml, diagnosticRange(doc, at(4, 400)))).toBe("ports:");
  });

  it("clamps lines out of range (stale diagnostics, unknown positions) instead of throwing", () => {
    expect(slice(yaml, diagnosticRange(doc, at(0, 0)))).toBe("apiVersion: v1");
    expect(slice(yaml, diagnosticRange(doc, at(-3, 4)))).toBe("Version: v1");
    const last = diagnosticRange(doc, at(99, 1));
    expect(last).toEqual({ from: yaml.length, to: yaml.length });
    expect(diagnosticRange(doc, at(Number.NaN, Number.POSITIVE_INFINITY))).toEqual({ from: 0, to: 14 });
  });

  it("handles an empty document", () => {
    expect(diagnosticRange(textOf(""), at(5, 5))).toEqual({ from: 0, to: 0 });
  });

  it("reads CRLF text as the editor does", () => {
    const crlf = yaml.replace(/\n/g, "\r\n");
    expect(slice(yaml, diagnosticRange(textOf(crlf), at(6, 17)))).toBe("29999");
  });
});

describe("diffTexts", () => {
  it("is empty for equal texts and one span otherwise", () => {
    expect(diffTexts("abc", "abc").empty).toBe(true);
    const c = diffTexts("abcdef", "abXYef");
    expect(c.apply(textOf("abcdef")).toString()).toBe("abXYef");
    expect(c.mapPos(5)).toBe(5);
    expect(c.mapPos(1)).toBe(1);
  });

  it("handles inserts and deletes at either end", () => {
    for (const [a, b] of [
      ["", "abc"],
      ["abc", ""],
      ["abc", "xabc"],
      ["abc", "abcx"],
      ["aaa", "aa"],
    ] as const)
      expect(diffTexts(a, b).apply(textOf(a)).toString()).toBe(b);
  });
});

describe("mapDiagnostics", () => {
  const d = (line: number, column: number): Diagnostic => ({
    severity: "error",
    message:
      "Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767",
    path: "spec.ports[0].nodePort",
    object: "Service/default/web",
    file: "scenario.yaml",
    line,
    column,
  });

  it("places diagnostics directly when the document is the text that was sent", () => {
    const [r] = mapDiagnostics([d(6, 17)], yaml, textOf(yaml));
    expect(slice(yaml, r!)).toBe("29999");
  });

  it("carries them across lines typed since the text was sent", () => {
    const now = "# a comment typed meanwhile\n" + yaml;
    const [r] = mapDiagnostics([d(6, 17)], yaml, textOf(now));
    expect(slice(now, r!)).toBe("29999");
  });

  it("shrinks a range whose text was edited, and stays inside the document", () => {
    const now = yaml.replace("29999", "2");
    const [r] = mapDiagnostics([d(6, 17)], yaml, textOf(now));
    expect(r!.from).toBeLessThanOrEqual(r!.to);
    expect(r!.to).toBeLessThanOrEqual(now.length);
    const [gone] = mapDiagnostics([d(6, 17)], yaml, textOf("x"));
    expect(gone!.from).toBeGreaterThanOrEqual(0);
    expect(gone!.to).toBeLessThanOrEqual(1);
  });

  it("keeps the diagnostic with its range", () => {
    const diag = d(1, 1);
    expect(mapDiagnostics([diag], yaml, textOf(yaml))[0]!.diagnostic).toBe(diag);
  });
});

describe("diagnosticText", () => {
  it("puts the object and field path before the message", () => {
    expect(
      diagnosticText({
        object: "Service/default/web",
        path: "spec.ports[0].nodePort",
        message: "Invalid value: 29999",
      }),
    ).toBe("Service/default/web · spec.ports[0].nodePort: Invalid value: 29999");
    expect(diagnosticText({ object: "", path: "", message: "YAML syntax error: x" })).toBe(
      "YAML syntax error: x",
    );
  });
});
