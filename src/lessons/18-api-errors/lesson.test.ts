// Lesson 18 quotes the engine's messages: these tests hold the quotes to what the engine really says at
// each stage of the fixing, and check that "Show me" leaves a file with no error from any stage.
import { describe, expect, it } from "vitest";
import { hasErrors } from "../../protocol/diagnostics";
// eslint-disable-next-line no-restricted-imports -- the lesson's quotes are checked against the model's own messages
import { loadManifests } from "../../model/load";
import { documentLines, errorsIn, said } from "./documents";
import { dropNodePort, fixAll, fixColon, fixProtocol, fixTab, MESSAGES } from "./mistakes";
import scenario from "./scenario.yaml?raw";

const errorsOf = (text: string, name?: string) => {
  const { diagnostics } = loadManifests(text);
  return (name ? errorsIn(diagnostics, text, name) : diagnostics.filter((d) => d.severity === "error")).map(
    said,
  );
};

const stages = [scenario, fixTab(scenario)];
stages.push(fixColon(stages[1]!), fixProtocol(fixColon(stages[1]!)));
stages.push(dropNodePort(stages[3]!));

describe("lesson 18's mistakes, as the engine reports them", () => {
  it("starts with two YAML errors in clusterip-service and the API errors of the other two Services", () => {
    expect(errorsOf(scenario, "clusterip-service")).toEqual([MESSAGES.tab, MESSAGES.colon]);
    expect(errorsOf(scenario, "nodeport-service")).toEqual([MESSAGES.nodePort]);
    expect(errorsOf(scenario, "crane-http")).toEqual([MESSAGES.name, "spec.ports[1].name: Required value"]);
    expect(loadManifests(scenario).cluster.services.map((s) => s.metadata.name)).toEqual([
      "kubernetes",
      "kube-dns",
    ]);
  });

  it("reveals the missing space once the tab is gone, then the lowercase protocol", () => {
    expect(errorsOf(stages[1]!, "clusterip-service")).toEqual([MESSAGES.colon]);
    expect(errorsOf(stages[2]!, "clusterip-service")).toEqual([MESSAGES.protocol]);
    expect(errorsOf(stages[3]!, "clusterip-service")).toEqual([]);
    expect(errorsOf(stages[3]!)).toHaveLength(3);
  });

  it("accepts a NodePort Service with no nodePort, leaving only crane-http's unnamed ports", () => {
    expect(errorsOf(stages[4]!, "nodeport-service")).toEqual([]);
    expect(errorsOf(stages[4]!)).toHaveLength(2);
  });

  it("loads with no error and three Services after Show me, from any stage", () => {
    for (const text of stages) {
      const { cluster, diagnostics } = loadManifests(fixAll(text));
      expect(hasErrors(diagnostics)).toBe(false);
      expect(cluster.services.map((s) => s.metadata.name).sort()).toEqual([
        "clusterip-service",
        "crane-http",
        "kube-dns",
        "kubernetes",
        "nodeport-service",
      ]);
    }
  });
});

describe("documentLines", () => {
  it("finds the lines of the document whose metadata names the object, not a container or port", () => {
    const text = "kind: A\nmetadata:\n  name: a\n---\nkind: B\nmetadata:\n  name: b\nports:\n  - name: a\n";
    expect(documentLines(text, "a")).toEqual({ first: 1, last: 3 });
    expect(documentLines(text, "b")).toEqual({ first: 5, last: 10 });
    expect(documentLines(text, "c")).toBeNull();
  });
});
