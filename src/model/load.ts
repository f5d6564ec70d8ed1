// loadManifests: YAML text in, a cluster out, as `kubectl apply -f` followed by the controllers settling
// would leave it. Objects are created one by one in file order (creation order): defaulted, allocated,
// validated, and refused with the API server's message when invalid. Then the controllers run.
import { ApiServer } from "./apiserver/apiServer";
import { kindHandlers } from "./apiserver/handlers";
import type { LoadResult, ObjectSource } from "./cluster";
import { objectKey } from "./cluster";
import { type ClusterConfig, defaultClusterConfig } from "./clusterConfig";
import { nodeInternalIP } from "./controllers/kubelet";
import { replicaShortfalls, shortfallMessage } from "./controllers/replicaShortfall";
import { settle } from "./controllers/settle";
import { decodeObject } from "./decode/decodeObject";
import { addClusterDns, isClusterDnsObject, kubeDnsService, needsClusterDns } from "./discovery/coreDnsAddon";
import type { Diagnostic, FieldError } from "./diagnostics";
import { nthIP, parseCIDR } from "./ip";
import type { EndpointSlice, KubeObject, Node, Service } from "./k8s";
import { countsText, type Listing, readListing } from "./import/listing";
import { readClusterConfig } from "./readClusterConfig";
import { teachingWarnings } from "./teachingWarnings";
import { excerpt } from "./text";
import { goFamily, parseIPSloppy } from "./validation/ip";
import { readYaml, type SourceObject } from "./yamlSource";

export interface ManifestFile {
  file: string;
  text: string;
}

const DEFAULT_NODE_COUNT = 3;

/**
 * Never throws: should a bug throw on some input, the answer is the empty cluster and an internal
 * error that says so, rather than a dead page or a stack trace.
 */
export function loadManifests(input: string | ManifestFile[]): LoadResult {
  try {
    return loadUnguarded(input);
  } catch (e) {
    const r = loadUnguarded([]);
    r.diagnostics.unshift({
      severity: "error",
      message: `Internal error: Kube Hops could not load these manifests (${excerpt(String(e instanceof Error ? e.message : e), 200)}); please report it`,
      path: "",
      object: "",
      file: "",
      line: 0,
      column: 0,
    });
    return r;
  }
}

function loadUnguarded(input: string | ManifestFile[]): LoadResult {
  const files = typeof input === "string" ? [{ file: "<input>", text: input }] : input;
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, ObjectSource>();
  const report = (
    errs: FieldError[],
    object: string,
    src: Pick<SourceObject, "file" | "locate"> | undefined,
  ) => {
    for (const e of errs) {
      const pos = src?.locate(e.path) ?? { line: 0, column: 0 };
      diagnostics.push({
        severity: e.severity ?? "error",
        message: e.message,
        path: e.path,
        object,
        file: src?.file ?? "",
        ...pos,
      });
    }
  };

  // 1. Read and decode every document; the ClusterConfig applies to the whole cluster wherever it stands.
  let decoded: { object: KubeObject; src: SourceObject }[] = [];
  let config: ClusterConfig = defaultClusterConfig();
  let configSeen = false;
  // Kinds a cluster listing holds that do not route packets: counted, and named once at the first.
  const notModelled = new Map<string, number>();
  let firstListItem: SourceObject | undefined;
  for (const f of files) {
    const read = readYaml(f.text, f.file);
    diagnostics.push(...read.diagnostics);
    for (const src of read.objects) {
      const d = decodeObject(src.value);
      if (src.listItem) firstListItem ??= src;
      const aside = src.listItem && (d.ok ? d.kind === "ignored" : d.unknownKind !== undefined);
      if (aside) {
        const kind = String((src.value as { kind: unknown }).kind);
        notModelled.set(kind, (notModelled.get(kind) ?? 0) + 1);
      } else if (!d.ok) report(d.errors, d.label, src);
      else if (d.kind === "ignored") report([d.note], d.label, src);
      else if (d.kind === "clusterConfig") {
        if (configSeen) {
          report(
            [
              {
                path: "kind",
                message: "Duplicate value: only one ClusterConfig may be given; this one is ignored",
              },
            ],
            d.label,
            src,
          );
          continue;
        }
        configSeen = true;
        const r = readClusterConfig(d.spec);
        config = r.config;
        report(r.errors, d.label, src);
      } else decoded.push({ object: d.object, src });
    }
  }

  // A cluster listing loads as the cluster it came from (see import/listing.ts).
  const listing = firstListItem && readListing(decoded.map((d) => d.object));
  if (firstListItem && listing) {
    const notes = listingNotes(listing, notModelled, !configSeen);
    report(notes, "List", firstListItem);
    if (!configSeen && Object.keys(listing.inferred.spec).length) {
      const r = readClusterConfig(listing.inferred.spec);
      config = r.config;
      report(r.errors, "List", firstListItem);
    }
    decoded = decoded.filter((d) => !listing.superseded.has(d.object));
  }

  // 2. The API server, with what a cluster has before anyone applies anything.
  const api = new ApiServer(config, kindHandlers(config));
  const create = (obj: KubeObject, src?: SourceObject, label = objectKey(obj)) => {
    const errs = api.create(obj);
    if (src) sources.set(objectKey(obj), src);
    report(errs, label, src);
  };
  const hasNodes = decoded.some((d) => d.object.kind === "Node");
  const nodesFirst = hasNodes
    ? decoded.filter((d) => d.object.kind === "Node")
    : defaultNodes().map((object) => ({ object, src: undefined }));
  for (const d of nodesFirst) create(d.object, d.src);
  const definesKubernetesService = decoded.some(
    (d) =>
      d.object.kind === "Service" &&
      d.object.metadata.name === "kubernetes" &&
      (d.object.metadata.namespace ?? "default") === "default",
  );
  if (!definesKubernetesService) create(kubernetesService(config));
  for (const d of decoded) if (d.object.kind !== "Node") create(d.object, d.src);
  for (const rs of listing?.replicaSets ?? []) create(rs);

  if (!definesKubernetesService) {
    const slice = kubernetesSlice(api.list<Node>("Node"), serviceFamily(config));
    if (slice) create(slice);
  }

  // 3. The controllers, to a steady state; then the cluster DNS, placed and addressed after the user's
  // pods, so that theirs are as without it (coreDnsAddon.ts), and the controllers once more.
  let settled = settle(api, sources);
  const dns = needsClusterDns(
    decoded.map((d) => d.object),
    config,
  );
  if (dns && addClusterDns(api)) settled = settle(api, sources);
  const { cluster, problems } = settled;
  // The cluster DNS Kube Hops adds is not the person's to fix: no warning about it (it may find no
  // room in a full cluster).
  const ours = (o: KubeObject) => dns && isClusterDnsObject(o);
  for (const p of problems) if (!ours(p.object)) report(p.errors, ...ownerSource(p.object, api, sources));
  // Replicas that do not run: one warning per ReplicaSet, at the replicas the manifest asked for.
  const shortfalls = replicaShortfalls(settled);
  for (const s of shortfalls.replicaSets)
    if (!ours(s.replicaSet))
      report(
        [{ path: "spec.replicas", severity: "warning", message: shortfallMessage(s) }],
        ...ownerSource(s.replicaSet, api, sources),
      );
  for (const { pod, message } of shortfalls.pods)
    if (!ours(pod)) report([{ path: "", severity: "warning", message }], ...ownerSource(pod, api, sources));
  for (const w of teachingWarnings(cluster))
    if (!dns || w.object !== objectKey(kubeDnsService(config)))
      report([w.error], w.object, sources.get(w.object));
  return { cluster, diagnostics, api };
}

/** The manifest an object came from, following ownerReferences up to a Deployment or ReplicaSet. */
function ownerSource(
  obj: KubeObject,
  api: ApiServer,
  sources: Map<string, ObjectSource>,
): [string, ObjectSource | undefined] {
  let cur: KubeObject | undefined = obj;
  while (cur) {
    const key = objectKey(cur);
    const src = sources.get(key);
    if (src) return [key, src];
    const owner: { kind: string; name: string } | undefined = cur.metadata.ownerReferences?.find(
      (r) => r.controller,
    );
    cur = owner ? api.get(owner.kind as KubeObject["kind"], cur.metadata.namespace, owner.name) : undefined;
  }
  return [objectKey(obj), undefined];
}

/** Without any Node in the manifests: three nodes, as the source notes' diagrams show. */
function defaultNodes(): Node[] {
  return Array.from({ length: DEFAULT_NODE_COUNT }, (_, i) => ({
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: `node-${i + 1}`, labels: { "kubernetes.io/hostname": `node-${i + 1}` } },
    spec: {},
    status: {},
  }));
}

/** default/kubernetes: the API server's own Service (pkg/controlplane/controller/kubernetesservice). */
function kubernetesService(config: ClusterConfig): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: "kubernetes",
      namespace: "default",
      labels: { component: "apiserver", provider: "kubernetes" },
    },
    spec: {
      type: "ClusterIP",
      clusterIP: nthIP(parseCIDR(config.serviceCIDR.split(",")[0]!.trim())!, 1),
      ports: [{ name: "https", protocol: "TCP", port: 443, targetPort: 6443 }],
      sessionAffinity: "None",
    },
    status: {},
  };
}

/** The family of the cluster's primary service CIDR: the family of default/kubernetes. */
const serviceFamily = (config: ClusterConfig): 4 | 6 =>
  parseCIDR(config.serviceCIDR.split(",")[0]!.trim())?.family ?? 4;

/**
 * The API server's endpoint for default/kubernetes: its advertise address, which kube-apiserver
 * requires to be of the primary service CIDR's family. Here it stands on the first node with an
 * InternalIP of that family; with none, the Service has no endpoints (rather than a slice of the
 * wrong family that validation would refuse).
 */
function kubernetesSlice(nodes: readonly Node[], family: 4 | 6): EndpointSlice | null {
  const address = nodes.map(nodeInternalIP).find((a) => {
    const ip = a === undefined ? null : parseIPSloppy(a);
    return ip !== null && goFamily(ip) === family;
  });
  if (address === undefined) return null;
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: {
      name: "kubernetes",
      namespace: "default",
      labels: { "kubernetes.io/service-name": "kubernetes" },
    },
    addressType: family === 4 ? "IPv4" : "IPv6",
    endpoints: [
      {
        addresses: [address],
        conditions: { ready: true, serving: true, terminating: false },
      },
    ],
    ports: [{ name: "https", port: 6443, protocol: "TCP" }],
  };
}

/** What loading a cluster listing changed, said once: kinds left aside, objects put back, ranges read. */
function listingNotes(
  listing: Listing,
  notModelled: Map<string, number>,
  inferRanges: boolean,
): FieldError[] {
  const notes: string[] = [];
  if (notModelled.size)
    notes.push(
      `Read but not modelled (they do not change how Services route packets): ${countsText(notModelled)}`,
    );
  const rs = listing.replicaSets.length;
  if (rs)
    notes.push(
      `${rs} ReplicaSet${rs === 1 ? "" : "s"} put back from ${rs === 1 ? "its" : "their"} pods' ownerReferences (the listing names ${rs === 1 ? "it" : "them"} but does not hold ${rs === 1 ? "it" : "them"})`,
    );
  const slices = listing.superseded.size;
  if (slices)
    notes.push(
      `${slices} EndpointSlice${slices === 1 ? "" : "s"} left to ${slices === 1 ? "its" : "their"} controller, which rebuilds ${slices === 1 ? "it" : "them"} from the listed pods`,
    );
  const { spec, from } = listing.inferred;
  const ranges = (Object.keys(spec) as (keyof typeof spec)[]).map((k) => `${k} ${spec[k]} (from ${from[k]})`);
  if (inferRanges && ranges.length)
    notes.push(
      `Cluster ranges read from the listing: ${ranges.join(", ")}; a kubehops.dev/v1alpha1 ClusterConfig sets them instead`,
    );
  return notes.map((message) => ({ path: "", severity: "info", message }));
}
