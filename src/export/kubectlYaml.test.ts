import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { enT } from "../i18n/english.test-util";
// eslint-disable-next-line no-restricted-imports -- the export must load again in the model, kind by kind
import { IGNORED_KINDS, KINDS } from "../model/decode/kinds";
import { hasErrors } from "../protocol/diagnostics";
// eslint-disable-next-line no-restricted-imports -- the export must load again in the model, kind by kind
import { loadManifests } from "../model/load";
import { toKubectlYaml } from "./kubectlYaml";

const root = join(__dirname, "../..");
const read = (path: string) => readFileSync(join(root, path), "utf8");
const lessonScenarios = readdirSync(join(root, "src/lessons"))
  .filter((d) => /^\d\d-/.test(d))
  .map((d) => `src/lessons/${d}/scenario.yaml`);
const scenarios = ["scenarios/default.yaml", "scenarios/kube-proxy/overall.yaml", ...lessonScenarios];

/** Kinds a real API server serves, among those Kube Hops reads. */
const REAL_KINDS = new Set([
  ...Object.entries(KINDS)
    .filter(([, k]) => !k.apiVersion.startsWith("kubehops.dev/"))
    .map(([kind]) => kind),
  ...IGNORED_KINDS,
]);

const values = (text: string) => {
  const docs = parseAllDocuments(text);
  for (const d of docs) expect(d.errors).toEqual([]);
  return docs.map((d) => d.toJS() as Record<string, unknown>).filter((v) => v !== null);
};

describe("toKubectlYaml", () => {
  it("turns the default scenario into YAML that parses, has only real kinds and loads with no diagnostics", () => {
    const out = toKubectlYaml(read("scenarios/default.yaml"), enT);
    const objs = values(out.text);
    expect(objs.map((o) => o.kind)).toEqual(["Node", "Node", "Node", "Deployment", "Service"]);
    for (const o of objs) expect(REAL_KINDS.has(String(o.kind))).toBe(true);
    expect(loadManifests(out.text).diagnostics).toEqual([]);
  });

  it("leaves out status everywhere", () => {
    for (const s of scenarios)
      for (const o of values(toKubectlYaml(read(s), enT).text)) expect(o).not.toHaveProperty("status");
  });

  it.each(scenarios)("adds no diagnostic to %s when loaded back", (path) => {
    const before = loadManifests(read(path)).diagnostics;
    if (hasErrors(before)) return; // a lesson about API errors: the playground never shows such a text
    const out = toKubectlYaml(read(path), enT);
    for (const o of values(out.text)) expect(REAL_KINDS.has(String(o.kind))).toBe(true);
    const known = new Set(before.map((d) => `${d.object}: ${d.message}`));
    const added = loadManifests(out.text).diagnostics.filter((d) => !known.has(`${d.object}: ${d.message}`));
    expect(added).toEqual([]);
  });

  it("says at the top what it left out and why, naming the outside clients", () => {
    const text = toKubectlYaml(read("scenarios/default.yaml"), enT).text;
    const head = text.slice(0, text.indexOf("\n---\n"));
    expect(head.split("\n").every((l) => l.startsWith("#"))).toBe(true);
    expect(head).toContain("ClusterConfig (kubehops.dev/v1alpha1)");
    expect(head).toContain("laptop 192.168.1.10");
    expect(head).toContain("status of Node/node-1, Node/node-2, Node/node-3");
    expect(head).toContain("delete the Node documents");
  });

  it("keeps the author's comments on the objects that stay", () => {
    const text = toKubectlYaml(read("scenarios/default.yaml"), enT).text;
    expect(text).toContain("# The control plane: kubeadm taints it");
  });

  it("drops a fixed ClusterIP, which belongs to the playground's range, but keeps a headless Service's None", () => {
    const yaml = [
      "apiVersion: v1\nkind: Service\nmetadata: {name: fixed}\nspec:\n  clusterIP: 10.96.0.50\n  clusterIPs: [10.96.0.50]\n  selector: {app: a}\n  ports: [{port: 80}]",
      "apiVersion: v1\nkind: Service\nmetadata: {name: headless}\nspec:\n  clusterIP: None\n  selector: {app: a}\n  ports: [{port: 80}]",
    ].join("\n---\n");
    const out = toKubectlYaml(yaml, enT);
    const [fixed, headless] = values(out.text) as { spec: Record<string, unknown> }[];
    expect(fixed!.spec).not.toHaveProperty("clusterIP");
    expect(fixed!.spec).not.toHaveProperty("clusterIPs");
    expect(headless!.spec.clusterIP).toBe("None");
    expect(out.text).toContain("spec.clusterIP 10.96.0.50 of Service/default/fixed");
  });

  it("names the objects it changed as diagnostics do: Kind/namespace/name, cluster-scoped Kind/name", () => {
    const yaml = [
      "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nstatus: {loadBalancer: {}}",
      "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\nstatus: {phase: Active}",
    ].join("\n---\n");
    expect(toKubectlYaml(yaml, enT).text).toContain("status of Ingress/default/web, Namespace/shop");
  });

  it("drops a nodePort outside the range every API server has by default", () => {
    const yaml =
      "apiVersion: v1\nkind: Service\nmetadata: {name: np}\nspec:\n  type: NodePort\n  selector: {app: a}\n  ports: [{port: 80, nodePort: 40000}, {name: b, port: 81, nodePort: 30081}]";
    const [svc] = values(toKubectlYaml(yaml, enT).text) as { spec: { ports: Record<string, unknown>[] } }[];
    expect(svc!.spec.ports[0]).not.toHaveProperty("nodePort");
    expect(svc!.spec.ports[1]!.nodePort).toBe(30081);
  });

  it("unpacks a List and strips what the API server sets in metadata", () => {
    const yaml = [
      "apiVersion: v1",
      "kind: List",
      "items:",
      "  - apiVersion: v1",
      "    kind: Pod",
      "    metadata:",
      "      name: p",
      "      uid: 123",
      "      resourceVersion: '9'",
      "      managedFields: [{manager: kubectl}]",
      "      ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: rs, uid: 9}]",
      "      annotations: {kubectl.kubernetes.io/last-applied-configuration: '{}'}",
      "    spec: {containers: [{name: c, image: i}]}",
      "    status: {podIP: 10.244.1.5}",
    ].join("\n");
    const out = toKubectlYaml(yaml, enT);
    const objs = values(out.text);
    expect(objs).toEqual([
      {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "p" },
        spec: { containers: [{ name: "c", image: "i" }] },
      },
    ]);
    expect(out.text).toContain("uid, resourceVersion, managedFields, ownerReferences");
  });
});
