import { afterEach, describe, expect, it } from "vitest";
import { loadSaved, savePlayground } from "./persistence";

// A minimal localStorage for Node.
const memory = new Map<string, string>();
Object.defineProperty(globalThis, "localStorage", {
  configurable: true,
  value: {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
  },
});
afterEach(() => memory.clear());

describe("autosave", () => {
  it("restores what it saved", () => {
    savePlayground("k", {
      yaml: "kind: Service\n",
      positions: { "node:a": { x: 1, y: 2 } },
      theme: "dark",
      projector: true,
    });
    expect(loadSaved("k")).toEqual({
      yaml: "kind: Service\n",
      positions: { "node:a": { x: 1, y: 2 } },
      theme: "dark",
      projector: true,
    });
  });

  it("restores the last drawn cluster with the text it belongs to, and drops a malformed one", () => {
    const cluster = { nodes: [], pods: [], services: [], clients: [] };
    savePlayground("k", {
      yaml: "a",
      positions: {},
      theme: "light",
      projector: false,
      cluster,
      clusterYaml: "a",
    });
    expect(loadSaved("k")?.cluster).toEqual(cluster);
    memory.set("k", JSON.stringify({ version: 1, yaml: "a", cluster: { nodes: "x" }, clusterYaml: "a" }));
    expect(loadSaved("k")?.cluster).toBeUndefined();
  });

  it("ignores an entry that is not JSON", () => {
    memory.set("k", "{not json");
    expect(loadSaved("k")).toBeNull();
  });

  it("ignores an entry of another version or without text", () => {
    memory.set("k", JSON.stringify({ version: 99, yaml: "x" }));
    expect(loadSaved("k")).toBeNull();
    memory.set("k", JSON.stringify({ version: 1, yaml: 42 }));
    expect(loadSaved("k")).toBeNull();
  });

  it("drops positions that are not finite numbers and unknown themes", () => {
    memory.set(
      "k",
      JSON.stringify({
        version: 1,
        yaml: "a",
        positions: { good: { x: 1, y: 1 }, bad: { x: "1", y: null } },
        theme: "neon",
      }),
    );
    expect(loadSaved("k")).toEqual({
      yaml: "a",
      positions: { good: { x: 1, y: 1 } },
      theme: "light",
      projector: false,
    });
  });

  it("keeps working when storage refuses to save", () => {
    Object.defineProperty(globalThis, "localStorage", {
      configurable: true,
      value: {
        getItem: () => null,
        setItem: () => {
          throw new Error("QuotaExceededError");
        },
      },
    });
    expect(() =>
      savePlayground("k", { yaml: "a", positions: {}, theme: "light", projector: false }),
    ).not.toThrow();
  });
});
