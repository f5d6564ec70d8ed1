// explainer(): the same answers as explain(), and how often a node's rules are built when many queries
// are asked of one cluster.
import { mustSucceed } from "../result";
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { loadManifests } from "../../model/load";
import { explain, explainer } from "./explain";
import * as rules from "./rules";
import { makeTestCluster, makeTestNode, testNodeIPv6 } from "./testCluster";

vi.mock("./rules", async (original) => {
  const actual = await original<typeof rules>();
  return { ...actual, buildRuleSet: vi.fn(actual.buildRuleSet) };
});

const node = (name: string) => ({ ...makeTestNode(), metadata: { name, labels: {} } });

describe("explainer", () => {
  it("builds a node's rules once per family while the queries stay on it, and again once they left it", () => {
    const cluster = makeTestCluster([], [], { nodes: [node("a"), node("b")] });
    const build = vi.mocked(rules.buildRuleSet);
    build.mockClear();
    const ask = explainer(cluster);
    const v4 = (n: string) => ask({ node: n, src: "10.0.0.2", dst: "172.30.0.1:80" });
    const v6 = (n: string) => ask({ node: n, src: "fd00:10::2", dst: `[${testNodeIPv6}]:80` });
    v4("a");
    v6("a");
    v4("a");
    v6("a");
    expect(build.mock.calls.map(([, n, family]) => `${n}/${family}`)).toEqual(["a/4", "a/6"]);
    v4("b");
    v6("b");
    v4("a");
    expect(build.mock.calls.map(([, n, family]) => `${n}/${family}`)).toEqual([
      "a/4",
      "a/6",
      "b/4",
      "b/6",
      "a/4",
    ]);
  });
  it("answers as explain does while the queries move between nodes and back (a few rule sets kept)", () => {
    const { cluster } = loadManifests([
      {
        file: "default.yaml",
        text: readFileSync(new URL("../../../scenarios/default.yaml", import.meta.url), "utf8"),
      },
    ]);
    const nodes = ["node-1", "node-2", "node-3", "node-1", "node-1", "node-3", "node-2"];
    const queries = nodes.flatMap((node, i) => [
      { node, src: "192.168.1.10", dst: `192.168.1.${2 + (i % 3)}:30080` },
      {
        node,
        src: "10.244.0.5",
        dst: `${cluster.services.find((s) => s.metadata.name === "web")!.spec.clusterIP}:80`,
      },
    ]);
    const explainOnNode = explainer(cluster);
    expect(queries.map(explainOnNode)).toEqual(queries.map((q) => explain(cluster, q)));
    expect(new Set(queries.map((q) => mustSucceed(explainOnNode(q)).action))).toEqual(
      new Set(["dnat", "pass"]),
    );
  });
});
