// The scenario as a file `kubectl apply -f` takes: the playground's own kind (ClusterConfig) and what a
// real cluster writes itself (status, server-set metadata, addresses allocated from the playground's
// ranges) are left out, and a comment at the top says what went and why. The author's comments on the
// objects that stay are kept (the YAML is edited as documents, not re-serialised from values).
import { Document, isMap, isSeq, parseAllDocuments, type YAMLMap } from "yaml";
import type { T } from "../i18n/core";
import { objectName } from "../protocol/kinds";

/** API groups that exist only in Kube Hops: kinds served there never reach a real API server. */
const PLAYGROUND_GROUP = "kubehops.dev";
/** Metadata the API server sets on its own; a copy of a live object carries them, a manifest must not. */
const SERVER_METADATA = [
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "managedFields",
  "selfLink",
  // A uid of an owner that will not exist there: the garbage collector would delete the object at once.
  "ownerReferences",
] as const;
const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
/** The NodePort range every Kubernetes API server has unless told otherwise (--service-node-port-range). */
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

export const KUBECTL_FILE = "kube-hops-scenario.yaml";

/** Whether an object's apiVersion is served only by the playground (kubehops.dev/v1alpha1 ClusterConfig). */
function isPlaygroundOnly(apiVersion: string): boolean {
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  return group === PLAYGROUND_GROUP || group.endsWith(`.${PLAYGROUND_GROUP}`);
}

interface KubectlExport {
  text: string;
  /** Kinds kept, one per object, in file order (for tests and the summary). */
  kinds: string[];
}

type Removal =
  | { what: "playground"; kind: string; apiVersion: string; clients: string[] }
  | { what: "status"; objects: string[] }
  | { what: "metadata"; object: string; fields: string[] }
  | { what: "clusterIP"; object: string; ip: string }
  | { what: "nodePort"; object: string; port: number }
  | { what: "unreadable"; index: number };

export function toKubectlYaml(scenario: string, t: T): KubectlExport {
  const removed: Removal[] = [];
  const kept: Document[] = [];
  const kinds: string[] = [];
  parseAllDocuments(scenario).forEach((doc, index) => {
    if (doc.errors.length) {
      removed.push({ what: "unreadable", index: index + 1 });
      return;
    }
    if (doc.contents === null) return;
    for (const obj of objectsOf(doc)) {
      const kind = str(obj.get("kind"));
      const apiVersion = str(obj.get("apiVersion"));
      if (isPlaygroundOnly(apiVersion)) {
        removed.push({ what: "playground", kind, apiVersion, clients: clientsOf(obj) });
        continue;
      }
      cleanObject(obj, kind, removed);
      const out = new Document(obj);
      // Keeps a top-of-document comment, but never a "---" of its own: the join below writes those.
      out.commentBefore = doc.contents === obj ? doc.commentBefore : null;
      kept.push(out);
      kinds.push(kind);
    }
  });
  const head = noteLines(removed, kinds, t)
    .map((l) => (l ? `# ${l}` : "#"))
    .join("\n");
  const body = kept.map((d) => String(d)).join("---\n");
  return { text: `${head}\n${body ? `---\n${body}` : ""}`, kinds };
}

/** A document's objects: itself, or the items of a `kind: List` (what `kubectl get -o yaml` prints). */
function objectsOf(doc: Document): YAMLMap[] {
  const root = doc.contents;
  if (!isMap(root)) return [];
  const items = root.get("items");
  if (str(root.get("kind")).endsWith("List") && isSeq(items))
    return items.items.filter((i): i is YAMLMap => isMap(i));
  return [root];
}

function cleanObject(obj: YAMLMap, kind: string, removed: Removal[]): void {
  const md = obj.get("metadata");
  const name = isMap(md) ? str(md.get("name")) : "";
  const label = objectName(kind, (isMap(md) && str(md.get("namespace"))) || undefined, name);
  if (obj.has("status")) {
    obj.delete("status");
    // One line for every object's status, in file order.
    const line = removed.find((r): r is Extract<Removal, { what: "status" }> => r.what === "status");
    if (line) line.objects.push(label);
    else removed.push({ what: "status", objects: [label] });
  }
  if (isMap(md)) {
    const fields: string[] = SERVER_METADATA.filter((f) => md.has(f));
    for (const f of fields) md.delete(f);
    const notes = md.get("annotations");
    if (isMap(notes) && notes.has(LAST_APPLIED)) {
      notes.delete(LAST_APPLIED);
      fields.push(`annotations["${LAST_APPLIED}"]`);
      if (notes.items.length === 0) md.delete("annotations");
    }
    if (fields.length) removed.push({ what: "metadata", object: label, fields });
  }
  const spec = obj.get("spec");
  if (kind !== "Service" || !isMap(spec)) return;
  // A fixed ClusterIP belongs to the playground's Service range; "None" (headless) is a choice, not an address.
  const ip = str(spec.get("clusterIP"));
  if (spec.has("clusterIP") && ip !== "None") {
    spec.delete("clusterIP");
    removed.push({ what: "clusterIP", object: label, ip });
  }
  const ips = spec.get("clusterIPs");
  if (isSeq(ips) && !ips.items.every((i) => str(i) === "None")) spec.delete("clusterIPs");
  const ports = spec.get("ports");
  if (!isSeq(ports)) return;
  for (const p of ports.items) {
    if (!isMap(p)) continue;
    const port = Number(str(p.get("nodePort")));
    if (p.has("nodePort") && !(port >= NODE_PORT_MIN && port <= NODE_PORT_MAX)) {
      p.delete("nodePort");
      removed.push({ what: "nodePort", object: label, port });
    }
  }
}

/** The names and addresses of the outside clients a ClusterConfig lists ("laptop 192.168.1.10"). */
function clientsOf(obj: YAMLMap): string[] {
  const spec = obj.get("spec");
  const clients = isMap(spec) ? spec.get("clients") : null;
  if (!isSeq(clients)) return [];
  return clients.items.filter(isMap).map((c) => `${str(c.get("name"))} ${str(c.get("ip"))}`.trim());
}

function noteLines(removed: Removal[], kinds: string[], t: T): string[] {
  const lines = [t("export.yaml.title", { file: KUBECTL_FILE }), ""];
  if (removed.length) lines.push(t("export.yaml.leftOut"));
  for (const r of removed) {
    if (r.what === "playground")
      lines.push(
        r.clients.length
          ? t("export.yaml.playgroundKindClients", {
              kind: r.kind,
              apiVersion: r.apiVersion,
              clients: r.clients.join(", "),
            })
          : t("export.yaml.playgroundKind", { kind: r.kind, apiVersion: r.apiVersion }),
      );
    else if (r.what === "status") lines.push(t("export.yaml.status", { objects: r.objects.join(", ") }));
    else if (r.what === "metadata")
      lines.push(t("export.yaml.metadata", { object: r.object, fields: r.fields.join(", ") }));
    else if (r.what === "clusterIP") lines.push(t("export.yaml.clusterIP", { object: r.object, ip: r.ip }));
    else if (r.what === "nodePort") lines.push(t("export.yaml.nodePort", { object: r.object, port: r.port }));
    else lines.push(t("export.yaml.unreadable", { index: r.index }));
  }
  if (!removed.length) lines.push(t("export.yaml.nothingLeftOut"));
  if (kinds.includes("Node")) lines.push("", t("export.yaml.nodes"));
  return lines;
}

function str(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "value" in v) return String((v as { value: unknown }).value ?? "");
  return String(v);
}
