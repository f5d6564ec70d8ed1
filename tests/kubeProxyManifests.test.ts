// kube-proxy's TestOverallIPTablesRules flows, fed as manifests through the whole pipeline (decode,
// API server defaulting/allocation/validation, EndpointSlices as given) and answered by explain.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explain } from "../src/engine/proxy";
import { mustSucceed } from "../src/engine/result";
import { loadManifests } from "../src/model/load";

const text = readFileSync(new URL("../scenarios/kube-proxy/overall.yaml", import.meta.url), "utf8");
const { cluster, diagnostics } = loadManifests([{ file: "overall.yaml", text }]);

function flow(src: string, dst: string) {
  const d = mustSucceed(explain(cluster, { node: "test-hostname", src, dst }));
  const output =
    d.action === "dnat"
      ? d.candidates.map((c) => `${c.ip}:${c.port}`).join(", ")
      : d.action === "pass"
        ? ""
        : d.action.toUpperCase();
  return { output, masq: d.masquerade };
}

describe("TestOverallIPTablesRules flows through manifests", () => {
  it("loads every object without an error", () => {
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
  const cases: [string, string, string, string, boolean][] = [
    ["no match", "10.0.0.2", "10.0.0.3:80", "", false],
    ["single endpoint", "10.0.0.2", "172.30.0.41:80", "10.180.0.1:80", false],
    ["multiple endpoints", "10.0.0.2", "172.30.0.44:80", "10.180.0.4:80, 10.180.0.5:80", false],
    ["eTP:Local, ExternalIP from the node", "192.168.0.2", "192.168.99.22:80", "10.180.0.2:80", true],
    [
      "eTP:Local, ExternalIP from outside, no local endpoint",
      "203.0.113.2",
      "192.168.99.22:80",
      "DROP",
      false,
    ],
    ["health check node port", "192.168.0.2", "192.168.0.2:30000", "ACCEPT", false],
    ["service with no endpoints", "10.0.0.2", "172.30.0.46:80", "REJECT", false],
    ["LB source range allows the client", "203.0.113.2", "5.6.7.8:80", "10.180.0.3:80", true],
    ["LB source range refuses another client", "203.0.113.200", "5.6.7.8:80", "DROP", false],
  ];
  for (const [name, src, dst, output, masq] of cases)
    it(name, () => expect(flow(src, dst)).toEqual({ output, masq }));
});
