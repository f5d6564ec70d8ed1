// loadManifests on input written to trick it: keys JavaScript objects inherit, numbers JSON cannot
// carry, bad node addresses, and a cluster of one IP family. Every diagnostic that comes from the
// file has a line; nothing throws.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Pair, parseAllDocuments, visit } from "yaml";
import type { Diagnostic } from "./diagnostics";
import { LABEL_SERVICE_NAME } from "./k8s";
import { load, userObjects, webDeployment } from "./testing";
import { MAX_NESTING } from "./yamlSource";

const LABEL_KEY_ERROR =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

/** Every diagnostic about the file points into it. */
function expectLines(ds: readonly Diagnostic[]) {
  for (const d of ds) if (d.file) expect(d.line, `${d.path}: ${d.message}`).toBeGreaterThan(0);
}

const svc = (selector: string, extra = "") => `
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector:
${selector}
  ports:
  - port: 80${extra}
`;

describe("loadManifests on prototype keys", () => {
  it("refuses __proto__ holding a map in a Pod spec as an unknown field, at its line", () => {
    const { diagnostics, cluster } = load(`
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  __proto__:
    containers: 5
  containers: [{name: c, image: nginx}]
`);
    expect(diagnostics).toEqual([
      {
        severity: "error",
        message: 'Unknown field: strict decoding error: unknown field "spec.__proto__"',
        path: "spec.__proto__",
        object: "Pod/default/p",
        file: "test.yaml",
        line: 7,
        column: 5,
      },
    ]);
    expect(userObjects(cluster.pods)).toEqual([]);
  });

  it("refuses __proto__ holding a map in a Service port as an unknown field, at its line", () => {
    const { diagnostics } = load(svc("    app: web", "\n    __proto__:\n      targetPort: [1]"));
    expect(diagnostics.map((d) => [d.path, d.line, d.message])).toEqual([
      [
        "spec.ports[0].__proto__",
        11,
        'Unknown field: strict decoding error: unknown field "spec.ports[0].__proto__"',
      ],
    ]);
  });

  it("refuses __proto__ as a selector key as the API server refuses an invalid label key, keeping the selector whole", () => {
    const { diagnostics, cluster } = load(svc("    app: web\n    __proto__: x"));
    expect(diagnostics).toEqual([
      {
        severity: "error",
        message: `Invalid value: "__proto__": ${LABEL_KEY_ERROR}`,
        path: "spec.selector",
        object: "Service/default/web",
        file: "test.yaml",
        line: 7,
        column: 5,
      },
    ]);
    expect(userObjects(cluster.services).map((s) => s.metadata.name)).toEqual(["kubernetes"]);
  });

  it("refuses __proto__ as a pod label key at the labels' line", () => {
    const { diagnostics } = load(
      webDeployment(1).replace("labels: {app: web}", "labels: {app: web, __proto__: x}"),
    );
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.path, d.message])).toEqual([
      // ValidatePodTemplateSpec reports a template's labels at `template.labels`.
      ["spec.template.labels", `Invalid value: "__proto__": ${LABEL_KEY_ERROR}`],
    ]);
    expectLines(diagnostics);
  });

  it("selects by a constructor label exactly as by any other key", () => {
    const withLabel = webDeployment(2)
      .replace("matchLabels: {app: web}", "matchLabels: {app: web, constructor: x}")
      .replace("labels: {app: web}", "labels: {app: web, constructor: x}");
    const selector = svc("    app: web\n    constructor: x", "\n    targetPort: http");
    const { diagnostics, cluster } = load(`${withLabel}---${selector}`);
    expect(diagnostics).toEqual([]);
    const slice = cluster.endpointSlices.find((s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === "web")!;
    expect(slice.endpoints).toHaveLength(2);
  });

  it("does not let a constructor selector key match pods without that label", () => {
    const { diagnostics } = load(`${webDeployment(1)}---${svc("    app: web\n    constructor: x")}`);
    expect(diagnostics.map((d) => [d.severity, d.path])).toEqual([["warning", "spec.selector"]]);
  });
});

describe("loadManifests on numbers JSON cannot carry", () => {
  it.each([
    [".inf", "+Inf"],
    ["-.inf", "-Inf"],
    [".nan", "NaN"],
  ])("refuses a port of %s with kubectl's conversion error at its line", (port, go) => {
    const { diagnostics } = load(svc("    app: web").replace("port: 80", `port: ${port}`));
    expect(diagnostics).toEqual([
      {
        severity: "error",
        message: `error converting YAML to JSON: json: unsupported value: ${go}`,
        path: "spec.ports[0].port",
        object: "Service/default/web",
        file: "test.yaml",
        line: 9,
        column: 11,
      },
    ]);
  });
});

describe("loadManifests on node addresses and IP families", () => {
  const node = (name: string, address: string) => `
apiVersion: v1
kind: Node
metadata: {name: ${name}}
status:
  addresses:
  - type: InternalIP
    address: ${address}
`;

  it("refuses each Node whose InternalIP is not an IP, at the address's line", () => {
    const { diagnostics, cluster } = load(
      [node("a", "300.1.1.1"), node("b", "hello"), node("c", "10.0.0.3")].join("---"),
    );
    expect(diagnostics.map((d) => [d.object, d.path, d.line, d.message])).toEqual([
      [
        "Node/a",
        "status.addresses[0].address",
        8,
        'Invalid value: "300.1.1.1": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ],
      [
        "Node/b",
        "status.addresses[0].address",
        16,
        'Invalid value: "hello": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ],
    ]);
    expect(cluster.nodes.map((n) => n.metadata.name)).toEqual(["c"]);
    const k = cluster.endpointSlices.find((s) => s.metadata.name === "kubernetes")!;
    expect(k.endpoints[0]!.addresses).toEqual(["10.0.0.3"]);
  });

  it("loads an IPv6-only cluster without a diagnostic: default/kubernetes and its slice are IPv6", () => {
    const { diagnostics, cluster } = load(`
apiVersion: kubehops.dev/v1alpha1
kind: ClusterConfig
spec:
  podCIDR: fd00:10:244::/56
  serviceCIDR: fd00:10:96::/112
---${node("a", "fd00::a")}---${node("b", "fd00::b")}`);
    expect(diagnostics).toEqual([]);
    const svc = cluster.services.find((s) => s.metadata.name === "kubernetes")!;
    expect(svc.spec.clusterIP).toBe("fd00:10:96::1");
    const slice = cluster.endpointSlices.find((s) => s.metadata.name === "kubernetes")!;
    expect(slice.addressType).toBe("IPv6");
    expect(slice.endpoints[0]!.addresses).toEqual(["fd00::a"]);
  });

  it("stands the API server on the first node of the service family", () => {
    const { diagnostics, cluster } = load([node("a", "fd00::a"), node("b", "10.0.0.2")].join("---"));
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const slice = cluster.endpointSlices.find((s) => s.metadata.name === "kubernetes")!;
    expect([slice.addressType, slice.endpoints[0]!.addresses]).toEqual(["IPv4", ["10.0.0.2"]]);
  });
});

describe("loadManifests on the default scenario with a hostile key put anywhere", () => {
  const DEFAULT = readFileSync(new URL("../../scenarios/default.yaml", import.meta.url), "utf8");
  const HOSTILE_KEYS = [
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "valueOf",
    "hasOwnProperty",
    "isPrototypeOf",
    "__defineGetter__",
  ];
  const nest = (n: number): unknown => (n === 0 ? 1 : [nest(n - 1)]);
  const HOSTILE_VALUES: unknown[] = [
    { containers: 5 },
    { name: 1, port: "x", targetPort: [1] },
    "x",
    [1],
    null,
    Infinity,
    NaN,
    nest(MAX_NESTING + 20),
    "y".repeat(10_000),
  ];
  const mapCount = parseAllDocuments(DEFAULT).reduce((n, d) => {
    let c = 0;
    visit(d, { Map: () => void c++ });
    return n + c;
  }, 0);

  /** The scenario with `key: value` added to its n-th mapping (in document order). */
  function withKey(n: number, key: string, value: unknown): string {
    let i = 0;
    return parseAllDocuments(DEFAULT)
      .map((doc) => {
        visit(doc, {
          Map: (_k, map) => {
            if (i++ === n) map.items.unshift(doc.createPair(key, value) as Pair);
          },
        });
        return doc.toString({ lineWidth: 0 });
      })
      .join("---\n");
  }

  it("answers every placement with diagnostics that have lines, short messages, and no internal error", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: mapCount - 1 }),
        fc.constantFrom(...HOSTILE_KEYS),
        fc.constantFrom(...HOSTILE_VALUES),
        (n, key, value) => {
          const { diagnostics } = load(withKey(n, key, value));
          expectLines(diagnostics);
          for (const d of diagnostics) {
            expect(d.message).not.toMatch(/^Internal error/);
            expect(d.message.length).toBeLessThan(600);
          }
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });
});
