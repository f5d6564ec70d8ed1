import { afterEach, describe, expect, it } from "vitest";
import {
  loadSaved,
  putAside,
  SAVED_POSITIONS_LIMIT,
  SAVED_YAML_LIMIT,
  savedText,
  savePlayground,
} from "./persistence";
import { SAVED_CLUSTER_LIST_LIMIT } from "./savedCluster";

// A minimal localStorage for Node.
const memory = new Map<string, string>();
const storage = {
  getItem: (k: string) => memory.get(k) ?? null,
  setItem: (k: string, v: string) => void memory.set(k, v),
  removeItem: (k: string) => void memory.delete(k),
};
Object.defineProperty(globalThis, "localStorage", { configurable: true, value: storage });
afterEach(() => {
  memory.clear();
  Object.defineProperty(globalThis, "localStorage", { configurable: true, value: storage });
});

const node = { name: "node-1", ip: "192.168.1.2", zone: null, podCIDR: "10.244.1.0/24" };
const pod = {
  name: "default/web-1",
  node: "node-1",
  ip: "10.244.1.5",
  labels: { app: "web" },
  phase: "Running",
  ready: true,
  terminating: false,
  owner: "default/web",
};
const service = {
  name: "default/web",
  type: "NodePort",
  clusterIP: "10.96.0.10",
  ports: [{ name: null, protocol: "TCP", port: 80, nodePort: 30080 }],
  externalTrafficPolicy: "Cluster",
  internalTrafficPolicy: "Cluster",
  sessionAffinity: "None",
  selector: { app: "web" },
  externalName: null,
  loadBalancerIPs: [],
};
const cluster = {
  nodes: [node],
  pods: [pod],
  services: [service],
  clients: [{ name: "laptop", ip: "1.2.3.4" }],
};

/** A good entry with one field replaced, stored as JSON. */
const store = (patch: Record<string, unknown>) =>
  memory.set(
    "k",
    JSON.stringify({
      version: 1,
      yaml: "kind: Service\n",
      positions: { "node:a": { x: 1, y: 2 } },
      theme: "dark",
      projector: true,
      cluster,
      clusterYaml: "kind: Service\n",
      ...patch,
    }),
  );

describe("autosave", () => {
  it("restores what it saved, with no damage", () => {
    savePlayground("k", {
      yaml: "kind: Service\n",
      positions: { "node:a": { x: 1, y: 2 } },
      theme: "dark",
      projector: true,
      cluster,
      clusterYaml: "kind: Service\n",
    });
    expect(loadSaved("k")).toEqual({
      saved: {
        yaml: "kind: Service\n",
        positions: { "node:a": { x: 1, y: 2 } },
        theme: "dark",
        projector: true,
        cluster,
        clusterYaml: "kind: Service\n",
      },
      damage: null,
    });
  });

  it("finds nothing where nothing was saved, or where storage is blocked", () => {
    expect(loadSaved("k")).toEqual({ saved: null, damage: null });
    Object.defineProperty(globalThis, "localStorage", {
      configurable: true,
      value: {
        getItem: () => {
          throw new Error("SecurityError");
        },
      },
    });
    expect(loadSaved("k")).toEqual({ saved: null, damage: null });
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

  it("does not save text beyond the limit, keeping the last entry that fits", () => {
    savePlayground("k", { yaml: "a", positions: {}, theme: "light", projector: false });
    savePlayground("k", {
      yaml: "x".repeat(SAVED_YAML_LIMIT + 1),
      positions: {},
      theme: "light",
      projector: false,
    });
    expect(loadSaved("k").saved?.yaml).toBe("a");
  });

  it("saves without the cached cluster when the cluster would fail its own check", () => {
    const huge = { ...cluster, pods: Array.from({ length: SAVED_CLUSTER_LIST_LIMIT + 1 }, () => pod) };
    savePlayground("k", {
      yaml: "a",
      positions: {},
      theme: "light",
      projector: false,
      cluster: huge,
      clusterYaml: "a",
    });
    expect(loadSaved("k")).toEqual({
      saved: { yaml: "a", positions: {}, theme: "light", projector: false },
      damage: null,
    });
  });
});

describe("a damaged saved entry", () => {
  it("that is not JSON is moved aside, removed, and reported with no text kept", () => {
    memory.set("k", "{not json");
    expect(loadSaved("k")).toEqual({
      saved: null,
      damage: { fields: ["json"], movedTo: "k:damaged", textKept: false },
    });
    expect([memory.get("k"), memory.get("k:damaged")]).toEqual([undefined, "{not json"]);
  });

  it("that is JSON but not an object (null, an array, a number) is moved aside", () => {
    for (const raw of ["null", "[1,2]", "42", '"text"']) {
      memory.set("k", raw);
      expect(loadSaved("k").damage?.fields).toEqual(["entry"]);
      expect(memory.get("k:damaged")).toBe(raw);
    }
  });

  it("of another version is not trusted, and kept aside", () => {
    store({ version: 99 });
    expect(loadSaved("k")).toMatchObject({ saved: null, damage: { fields: ["version"] } });
  });

  it("without text, or with text that is not a string, is used for the rest but not the text", () => {
    for (const yaml of [42, null, ["a"], { a: 1 }]) {
      store({ yaml });
      const r = loadSaved("k");
      expect([r.saved?.yaml, r.saved?.theme, r.damage?.fields, r.damage?.textKept]).toEqual([
        undefined,
        "dark",
        ["yaml"],
        false,
      ]);
    }
  });

  it("with text beyond the limit keeps the text aside and does not load it", () => {
    store({ yaml: "x".repeat(SAVED_YAML_LIMIT + 1) });
    const r = loadSaved("k");
    expect([r.saved?.yaml, r.damage?.fields]).toEqual([undefined, ["yaml"]]);
    expect(savedText("k")).toHaveLength(SAVED_YAML_LIMIT + 1);
  });

  it("with a null among the positions keeps the good positions and the text, and reports it", () => {
    store({ positions: { "node:a": { x: 1, y: 2 }, "node:b": null } });
    const r = loadSaved("k");
    expect([r.saved?.positions, r.saved?.yaml, r.damage]).toEqual([
      { "node:a": { x: 1, y: 2 } },
      "kind: Service\n",
      { fields: ["positions"], movedTo: "k:damaged", textKept: true },
    ]);
  });

  it("drops positions that are not finite points on the canvas", () => {
    for (const bad of [{ x: "1", y: 2 }, { x: 1 }, { x: null, y: null }, { x: 1e300, y: 0 }, [1, 2], 7]) {
      store({ positions: { good: { x: 3, y: 4 }, bad } });
      expect(loadSaved("k")).toMatchObject({
        saved: { positions: { good: { x: 3, y: 4 } } },
        damage: { fields: ["positions"] },
      });
    }
  });

  it("drops positions that are not a map (null, an array) or too many", () => {
    for (const positions of [null, [{ x: 1, y: 1 }], "x"]) {
      store({ positions });
      expect(loadSaved("k")).toMatchObject({ saved: { positions: {} }, damage: { fields: ["positions"] } });
    }
    const many = Object.fromEntries(
      Array.from({ length: SAVED_POSITIONS_LIMIT + 1 }, (_, i) => [`n${i}`, { x: i, y: i }]),
    );
    store({ positions: many });
    const r = loadSaved("k");
    expect([Object.keys(r.saved!.positions).length, r.damage?.fields]).toEqual([
      SAVED_POSITIONS_LIMIT,
      ["positions"],
    ]);
  });

  it("refuses a position keyed __proto__ rather than let it replace the map's prototype", () => {
    memory.set("k", '{"version":1,"yaml":"a","positions":{"__proto__":{"x":1,"y":2}}}');
    const r = loadSaved("k");
    expect([
      Object.getPrototypeOf(r.saved!.positions),
      Object.keys(r.saved!.positions),
      r.damage?.fields,
    ]).toEqual([Object.prototype, [], ["positions"]]);
  });

  it("with an unknown theme or a projector that is not a boolean uses the defaults", () => {
    store({ theme: "neon", projector: "yes" });
    expect(loadSaved("k")).toMatchObject({
      saved: { theme: "light", projector: false },
      damage: { fields: ["theme", "projector"] },
    });
  });

  it("with a cached cluster that fails its deep check drops the cluster and keeps the rest", () => {
    const broken = [
      { nodes: "x" },
      { ...cluster, nodes: [null] },
      { ...cluster, pods: [{ ...pod, labels: { app: 7 } }] },
      { ...cluster, pods: [{ ...pod, ready: "true" }] },
      { ...cluster, services: [{ ...service, ports: [{ ...service.ports[0], port: 70000 }] }] },
      { ...cluster, services: [{ ...service, selector: [] }] },
      { ...cluster, services: [{ ...service, loadBalancerMode: "nlb" }] },
      { ...cluster, clients: [{ name: "laptop" }] },
      { ...cluster, nodes: [{ ...node, name: "n".repeat(5000) }] },
      { ...cluster, pods: Array.from({ length: SAVED_CLUSTER_LIST_LIMIT + 1 }, () => pod) },
    ];
    for (const c of broken) {
      store({ cluster: c });
      const r = loadSaved("k");
      expect([r.saved?.cluster, r.saved?.yaml, r.damage?.fields]).toEqual([
        undefined,
        "kind: Service\n",
        ["cluster"],
      ]);
    }
  });

  it("keeps a cached cluster saved before Services had a loadBalancerMode, and one with each mode", () => {
    for (const mode of [undefined, null, "NodePort", "VIP", "Proxy"]) {
      const c = { ...cluster, services: [{ ...service, loadBalancerMode: mode }] };
      store({ cluster: c });
      expect(loadSaved("k").saved?.cluster).toEqual(c);
    }
  });

  it("with cluster text that is not a string drops the cached cluster", () => {
    store({ clusterYaml: 5 });
    const r = loadSaved("k");
    expect([r.saved?.cluster, r.damage?.fields]).toEqual([undefined, ["clusterYaml"]]);
  });

  it("is replaced by what passed, so the next load finds no damage and the same text", () => {
    store({ positions: { a: null }, theme: 3 });
    loadSaved("k");
    expect(loadSaved("k")).toMatchObject({
      saved: { yaml: "kind: Service\n", theme: "light" },
      damage: null,
    });
    expect(JSON.parse(memory.get("k:damaged")!).theme).toBe(3);
  });

  it("stays where it is when storage is too full to copy it aside", () => {
    memory.set("k", "{not json");
    Object.defineProperty(globalThis, "localStorage", {
      configurable: true,
      value: {
        ...storage,
        setItem: () => {
          throw new Error("QuotaExceededError");
        },
      },
    });
    expect(loadSaved("k").damage).toEqual({ fields: ["json"], movedTo: null, textKept: false });
    expect(memory.get("k")).toBe("{not json");
  });
});

describe("savedText", () => {
  it("reads the text from the entry, or from the damaged copy, and nothing from junk", () => {
    expect(savedText("k")).toBeNull();
    memory.set("k:damaged", JSON.stringify({ yaml: "kept aside" }));
    expect(savedText("k")).toBe("kept aside");
    memory.set("k", JSON.stringify({ version: 1, yaml: "current" }));
    expect(savedText("k")).toBe("current");
    memory.set("k", "{junk");
    expect(savedText("k")).toBe("kept aside");
  });
});

describe("putAside", () => {
  it("moves the entry to its damaged key, so the next load finds nothing but the text is kept", () => {
    savePlayground("k", { yaml: "mine", positions: {}, theme: "light", projector: false });
    putAside("k");
    expect([loadSaved("k"), savedText("k")]).toEqual([{ saved: null, damage: null }, "mine"]);
  });
});
