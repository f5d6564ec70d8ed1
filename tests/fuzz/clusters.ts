// Generators for the property tests: valid clusters built from the real schema (Nodes, Deployments,
// Services of every type, a ClusterConfig with clients), and mutations of them that a careless or hostile
// person could type (prototype keys, huge and non-finite numbers, deep nesting, wrong types, removed fields).
import fc from "fast-check";
import { stringify } from "yaml";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

/** Fixed seeds: a failure prints its seed and path, and the same run reproduces it. */
export const SEED = 20261202;

export interface GeneratedCluster {
  docs: Obj[];
  nodes: string[];
  nodeIPs: string[];
  clients: string[];
  /** ns/name of each Deployment. */
  deployments: string[];
  /** Addresses a client or pod could send to: ClusterIP-less ones by name, NodePorts by node IP. */
  targets: string[];
}

const PORT_NAMES = ["http", "https", "metrics", "grpc", "dns"];

const containerPort = fc.record({
  port: fc.integer({ min: 1024, max: 9000 }),
  protocol: fc.constantFrom("TCP", "TCP", "UDP", "SCTP"),
});

const deployment = fc.record({
  replicas: fc.integer({ min: 0, max: 4 }),
  tier: fc.constantFrom("front", "back", "cache"),
  ports: fc.array(containerPort, { minLength: 1, maxLength: 2 }),
});

const servicePort = fc.record({
  port: fc.integer({ min: 1, max: 65535 }),
  targetByName: fc.boolean(),
  nodePortOffset: fc.option(fc.integer({ min: 0, max: 49 }), { nil: undefined }),
});

const service = fc.record({
  type: fc.constantFrom("ClusterIP", "NodePort", "LoadBalancer", "ExternalName"),
  headless: fc.boolean(),
  target: fc.nat(),
  ports: fc.array(servicePort, { minLength: 1, maxLength: 2 }),
  externalTrafficPolicy: fc.option(fc.constantFrom("Cluster", "Local"), { nil: undefined }),
  internalTrafficPolicy: fc.option(fc.constantFrom("Cluster", "Local"), { nil: undefined }),
  sessionAffinity: fc.constantFrom("None", "ClientIP"),
});

export const clusterArb: fc.Arbitrary<GeneratedCluster> = fc
  .record({
    nodeCount: fc.integer({ min: 1, max: 4 }),
    clientCount: fc.integer({ min: 1, max: 2 }),
    deployments: fc.array(deployment, { minLength: 1, maxLength: 3 }),
    services: fc.array(service, { minLength: 1, maxLength: 3 }),
  })
  .map(({ nodeCount, clientCount, deployments, services }) => {
    const nodes = Array.from({ length: nodeCount }, (_, i) => `node-${i + 1}`);
    const nodeIPs = nodes.map((_, i) => `192.168.1.${i + 2}`);
    const clients = ["laptop", "phone"].slice(0, clientCount);
    const docs: Obj[] = [
      {
        apiVersion: "kubehops.dev/v1alpha1",
        kind: "ClusterConfig",
        spec: {
          podCIDR: "10.244.0.0/16",
          serviceCIDR: "10.96.0.0/12",
          nodePortRange: "30000-32767",
          loadBalancerIPPool: "203.0.113.0/24",
          clients: clients.map((name, i) => ({ name, ip: `192.168.1.${100 + i}` })),
        },
      },
      ...nodes.map((name, i) => ({
        apiVersion: "v1",
        kind: "Node",
        metadata: { name, labels: { "kubernetes.io/hostname": name } },
        spec: { podCIDR: `10.244.${i}.0/24` },
        status: { addresses: [{ type: "InternalIP", address: nodeIPs[i]! }] },
      })),
    ];
    const deps = deployments.map((d, i) => ({ ...d, name: `app-${i + 1}` }));
    for (const d of deps)
      docs.push({
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: d.name },
        spec: {
          replicas: d.replicas,
          selector: { matchLabels: { app: d.name } },
          template: {
            metadata: { labels: { app: d.name, tier: d.tier } },
            spec: {
              containers: [
                {
                  name: "main",
                  image: "nginx:1.27",
                  // Container port names are unique in a pod; so are port/protocol pairs.
                  ports: d.ports.map((p, j) => ({
                    name: PORT_NAMES[j]!,
                    containerPort: p.port + j,
                    protocol: p.protocol,
                  })),
                },
              ],
            },
          },
        },
      });
    const targets: string[] = [];
    services.forEach((s, i) => {
      const name = `svc-${i + 1}`;
      const d = deps[s.target % deps.length]!;
      const external = s.type === "NodePort" || s.type === "LoadBalancer";
      const spec: Obj = {
        type: s.type,
        sessionAffinity: s.type === "ExternalName" ? "None" : s.sessionAffinity,
        ports: s.ports.map((p, j) => {
          const cp = d.ports[j % d.ports.length]!;
          const port: Obj = {
            name: PORT_NAMES[j]!,
            protocol: cp.protocol,
            // Ports are unique in a Service: one apart per index.
            port: Math.min(p.port, 65534) + j,
            targetPort: p.targetByName ? PORT_NAMES[j % d.ports.length]! : cp.port + (j % d.ports.length),
          };
          // NodePorts are unique across Services: each Service has its own block of 100.
          if (external && p.nodePortOffset !== undefined)
            port.nodePort = 30000 + i * 100 + j * 50 + p.nodePortOffset;
          return port;
        }),
      };
      if (s.type === "ExternalName") spec.externalName = "example.com";
      else spec.selector = { app: d.name };
      if (s.type === "ClusterIP" && s.headless) spec.clusterIP = "None";
      if (external && s.externalTrafficPolicy) spec.externalTrafficPolicy = s.externalTrafficPolicy;
      if (s.type !== "ExternalName" && s.internalTrafficPolicy)
        spec.internalTrafficPolicy = s.internalTrafficPolicy;
      docs.push({ apiVersion: "v1", kind: "Service", metadata: { name }, spec });
      const first = (spec.ports as Obj[])[0]!;
      targets.push(`${name}:${first.port as number}`);
      if (typeof first.nodePort === "number") targets.push(`${nodeIPs[0]}:${first.nodePort}`);
    });
    return { docs, nodes, nodeIPs, clients, deployments: deps.map((d) => `default/${d.name}`), targets };
  });

export const toYaml = (docs: readonly Json[]): string => docs.map((d) => stringify(d)).join("---\n");

/** An object with `key` as its own field, even `__proto__` (a plain assignment would set the prototype). */
function withKey(obj: Obj, key: string, value: Json): Obj {
  const copy: Obj = { ...obj };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function nested(depth: number, leaf: Json, asList: boolean): Json {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asList ? [v] : { a: v };
  return v;
}

export const PROTO_KEYS = ["__proto__", "constructor", "toString", "prototype", "hasOwnProperty"];

/** Values that have broken loaders: huge, non-finite, negative, wrong types, deep, prototype-shaped. */
export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    2147483647,
    2147483648,
    4294967296,
    1e300,
    -1e300,
    Infinity,
    -Infinity,
    NaN,
    -1,
    0,
    0.5,
    65536,
    "",
    "None",
    "__proto__",
    "constructor",
    "65535",
    "1e300",
    true,
    null,
    [],
    {},
  ),
  fc.integer({ min: 1, max: 400 }).chain((d) => fc.boolean().map((l) => nested(d, "x", l))),
  fc.constantFrom(...PROTO_KEYS).map((k) => withKey({}, k, { a: "b" })),
  fc.string({ maxLength: 8 }),
);

/** Where and how to damage a document: a path of child choices, and what to do at its end. */
export const mutationArb = fc.record({
  doc: fc.nat(),
  steps: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
  op: fc.constantFrom("delete", "replace", "protoKey", "protoLabel", "number", "number"),
  key: fc.constantFrom(...PROTO_KEYS),
  value: hostileValue,
});
/** Numbers that have broken loaders, and the edges of ranges, for the numeric fields (ports, NodePorts). */
const HOSTILE_NUMBERS = [
  2147483647,
  4294967296,
  1e300,
  -1e300,
  Infinity,
  -Infinity,
  NaN,
  -1,
  0,
  0.5,
  // The edges of the port number and NodePort ranges.
  1,
  65535,
  65536,
  29999,
  30000,
  32767,
  32768,
];

/** The paths of every number in a document. */
function numberPaths(v: Json, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (typeof v === "number") out.push(path);
  else if (Array.isArray(v)) v.forEach((x, i) => numberPaths(x, [...path, i], out));
  else if (v !== null && typeof v === "object")
    for (const k of Object.keys(v)) numberPaths(v[k]!, [...path, k], out);
  return out;
}

export type Mutation = typeof mutationArb extends fc.Arbitrary<infer M> ? M : never;

/** A deep copy of the documents with one mutation applied. */
export function mutate(docs: readonly Obj[], m: Mutation): Obj[] {
  const out = structuredClone(docs as Obj[]);
  const di = m.doc % out.length;
  if (m.op === "protoLabel") {
    // A prototype key as a label, a selector key and a ClusterConfig field at once.
    const doc = out[di]!;
    const meta = (doc.metadata ?? {}) as Obj;
    doc.metadata = { ...meta, labels: withKey((meta.labels ?? {}) as Obj, m.key, "x") };
    const spec = doc.spec as Obj | undefined;
    if (spec && typeof spec.selector === "object" && spec.selector !== null)
      spec.selector = withKey(spec.selector as Obj, m.key, "x");
    if (spec && typeof spec.template === "object") {
      const tm = ((spec.template as Obj).metadata ?? {}) as Obj;
      tm.labels = withKey((tm.labels ?? {}) as Obj, m.key, "x");
    }
    return out;
  }
  if (m.op === "number") {
    // replicas too: the controllers place at most a cluster's pod cap (docs/limits.md), whatever is asked.
    const paths = numberPaths(out[di]!);
    if (!paths.length) return out;
    const path = paths[m.steps[0]! % paths.length]!;
    let cur = out[di] as Record<string | number, Json>;
    for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, Json>;
    cur[path.at(-1)!] = HOSTILE_NUMBERS[(m.steps[1] ?? 0) % HOSTILE_NUMBERS.length]!;
    return out;
  }
  let parent: Obj | Json[] = out as Json[];
  let key: string | number = di;
  for (const step of m.steps) {
    const cur: Json = (parent as Record<string | number, Json>)[key] as Json;
    if (cur === null || typeof cur !== "object") break;
    const keys = Array.isArray(cur) ? cur.map((_, i) => i) : Object.keys(cur);
    if (!keys.length) break;
    parent = cur;
    key = keys[step % keys.length]!;
  }
  const target = parent as Record<string | number, Json>;
  if (m.op === "delete") {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete target[key];
  } else if (m.op === "replace") target[key] = m.value;
  else {
    const cur = target[key];
    if (cur !== null && typeof cur === "object" && !Array.isArray(cur))
      target[key] = withKey(cur, m.key, m.value);
    else target[key] = withKey({}, m.key, m.value);
  }
  return out;
}
