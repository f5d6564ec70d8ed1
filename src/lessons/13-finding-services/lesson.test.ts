// What lesson 13's story rests on, checked on the engine itself: creation order decides the variables,
// and "Show me" (moving the Pod's document) gives shell the variables of my-service.
import { describe, expect, it } from "vitest";
import { hasErrors } from "../../protocol/diagnostics";
// eslint-disable-next-line no-restricted-imports -- the lesson's story is checked on the model itself
import { serviceEnv } from "../../model/discovery";
// eslint-disable-next-line no-restricted-imports -- the lesson's story is checked on the model itself
import { loadManifests } from "../../model/load";
import { documentIndex, moveToEnd } from "./documents";
import scenario from "./scenario.yaml?raw";

const hostsOf = (text: string) => {
  const { cluster, diagnostics } = loadManifests(text);
  expect(hasErrors(diagnostics)).toBe(false);
  const shell = cluster.pods.find((p) => p.metadata.name === "shell")!;
  return serviceEnv(cluster, shell)
    .map((e) => e.name)
    .filter((n) => n.endsWith("_SERVICE_HOST"));
};

describe("lesson 13 scenario", () => {
  it("gives shell the variables of crane-http but not of my-service, created after it", () => {
    expect(hostsOf(scenario)).toEqual(["CRANE_HTTP_SERVICE_HOST", "KUBERNETES_SERVICE_HOST"]);
  });

  it("gives shell my-service's variables once its document comes after my-service", () => {
    const moved = moveToEnd(scenario, "Pod", "shell");
    expect(documentIndex(moved, "Pod", "shell")).toBeGreaterThan(
      documentIndex(moved, "Service", "my-service"),
    );
    expect(hostsOf(moved)).toContain("MY_SERVICE_SERVICE_HOST");
  });
});

describe("documentIndex and moveToEnd", () => {
  const text =
    "kind: A\nmetadata:\n  name: a\n---\nkind: B\nmetadata:\n  name: b\n---\nkind: C\nmetadata:\n  name: c\n";

  it("finds a document by kind and metadata name, not by a container's name", () => {
    expect(documentIndex(text, "B", "b")).toBe(1);
    expect(documentIndex("kind: Pod\nspec:\n  containers:\n    - name: x\n", "Pod", "x")).toBe(-1);
  });

  it("moves one document to the end and keeps the others in order", () => {
    expect(moveToEnd(text, "A", "a")).toBe(
      "kind: B\nmetadata:\n  name: b\n---\nkind: C\nmetadata:\n  name: c\n---\nkind: A\nmetadata:\n  name: a\n",
    );
    expect(moveToEnd(text, "Z", "z")).toBe(text);
  });
});
