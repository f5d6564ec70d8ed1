// What `kubectl get nodes,pods,services,endpointslices,deployments -A -o yaml` prints for a kubeadm-like
// cluster, as one `kind: List` document, for bench/import.ts. Modelled on real output (and on
// tests/fixtures/kubectl/kubeadm-cluster.yaml), noise included: managedFields, uids, resourceVersions,
// last-applied-configuration, full Pod and Node status. kubectl prints JSON through sigs.k8s.io/yaml
// (go-yaml v2): keys sorted, 2-space indentation, list items at their key's indent, YAML 1.1 quoting.
// Everything random comes from a seeded PRNG, so the same size always gives the same text.
import YAML from "yaml";
import { DEFAULT_MAX_PODS_PER_NODE } from "../src/model/controllers/capacity";

type Obj = Record<string, unknown>;

export interface KubectlListOptions {
  /**
   * At most this many pods in the list, kube-proxy, static and coredns pods included (default 2,999).
   * Within it, app Deployments run 2 to 5 replicas (3.5 on average); past it, the Deployments left
   * are scaled to zero (replicas: 0, a Service with an empty EndpointSlice, so a teaching warning each).
   * Listed pods are not held to MAX_PODS_PER_CLUSTER (src/model/controllers/capacity.ts): that cap
   * stops the ReplicaSet controller making pods, and an import's ReplicaSets already have theirs.
   */
  pods?: number;
  seed?: number;
}

const BASE_TIME = Date.UTC(2026, 10, 20, 8, 12, 31);
const SAFE = "bcdfghjklmnpqrstvwxz2456789"; // k8s.io/apimachinery/pkg/util/rand's alphabet
const HEX = "0123456789abcdef";
const MAX_NODES = 50;
const DEFAULT_MAX_PODS = 2_999;
const APP_PORT = 8080;

const NAMESPACES = [
  "payments", "checkout", "catalog", "search", "identity", "notifications", "billing", "shipping",
  "inventory", "analytics", "recommendations", "reviews", "pricing", "promotions", "orders", "cart",
  "accounts", "fraud", "ledger", "reporting", "media", "uploads", "messaging", "chat", "support",
  "loyalty", "partners", "geo", "tax", "returns", "warehouse", "fulfilment", "auth", "gateway",
  "experiments", "feature-flags", "audit", "exports", "scheduler", "platform",
]; // prettier-ignore
const NOUNS = [
  "api", "web", "frontend", "backend", "worker", "gateway", "auth", "cache", "events", "stream",
  "indexer", "renderer", "mailer", "sync", "importer", "exporter", "resolver", "router", "store", "query",
]; // prettier-ignore
const ROLES = [
  "",
  "-v2",
  "-internal",
  "-public",
  "-admin",
  "-batch",
  "-grpc",
  "-canary",
  "-edge",
  "-replica",
];
const IMAGES = [
  "nginx:1.27.3",
  "python:3.12-slim",
  "node:20.19-alpine",
  "golang:1.23",
  "eclipse-temurin:21-jre",
];

/** mulberry32: a small 32-bit PRNG, deterministic for a seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const chars = (alphabet: string, n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    return s;
  };
  const uid = () => {
    const h = chars(HEX, 32);
    const variant = HEX[8 + Math.floor(next() * 4)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
  };
  return { next, int, chars, uid };
}

/** RFC 3339 in seconds, as the API server prints times. */
const time = (secondsAfterBase: number) =>
  new Date(BASE_TIME + Math.round(secondsAfterBase) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

/** fieldsV1 helpers: `f:name: {}` leaves, `.: {}` for a map that is itself owned. */
const leaves = (...names: string[]): Obj => Object.fromEntries(names.map((n) => [`f:${n}`, {}]));
const owned = (o: Obj): Obj => ({ ".": {}, ...o });

function managedField(
  manager: string,
  at: string,
  fieldsV1: Obj,
  subresource?: string,
  apiVersion = "v1",
): Obj {
  return {
    apiVersion,
    fieldsType: "FieldsV1",
    fieldsV1,
    manager,
    operation: "Update",
    ...(subresource ? { subresource } : {}),
    time: at,
  };
}

/** Keys sorted at every level, as Go's encoding/json sorts a map[string]interface{}. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== "object") return v;
  const out: Obj = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Obj)[k]);
  return out;
}

interface NodeInfo {
  name: string;
  ip: string;
  uid: string;
  index: number;
  nextPodHost: number;
}

interface PodRef {
  name: string;
  uid: string;
  ip: string;
  node: NodeInfo;
  ready: boolean;
}

/** The list; `objects` is its exact number of items. */
export function kubectlList(objects: number, options: KubectlListOptions = {}): string {
  const r = prng(options.seed ?? 1);
  const nodeCount = Math.max(2, Math.min(MAX_NODES, Math.floor(objects / 100)));
  // Nodes, kube-proxy on each, 4 static pods, coredns (Deployment, 2 pods, Service, slice), default/kubernetes (Service, slice).
  const systemPods = nodeCount + 4 + 2;
  const fixed = nodeCount + systemPods + 1 + 2 + 2;
  const rest = objects - fixed;
  if (!Number.isSafeInteger(objects) || rest < 10)
    throw new RangeError(`kubectlList: objects must be a whole number of at least ${fixed + 10}`);
  const podBudget = Math.max(0, (options.pods ?? DEFAULT_MAX_PODS) - systemPods);
  // Each app Deployment is 3 objects (Deployment, Service, EndpointSlice) plus its pods; 3.5 pods each
  // on average when the budget allows.
  const podTarget = Math.min(podBudget, Math.round((rest * 3.5) / 6.5));
  let deployments = Math.max(1, Math.ceil((rest - podTarget) / 3));
  let appPods = rest - 3 * deployments;
  if (appPods === 1) [deployments, appPods] = [deployments - 1, appPods + 3];
  const active =
    appPods >= 2 * deployments
      ? deployments
      : Math.min(deployments, Math.max(Math.ceil(appPods / 5), Math.round(appPods / 3.5)));
  const replicas = Array.from({ length: deployments }, (_, i) =>
    Math.floor(((i + 1) * active) / deployments) > Math.floor((i * active) / deployments) ? 2 : 0,
  );
  for (let left = appPods - 2 * active; left > 0;) {
    const i = r.int(0, deployments - 1);
    if (replicas[i]! > 0 && replicas[i]! < 5) {
      replicas[i]!++;
      left--;
    }
  }

  const items = {
    Node: [] as Obj[],
    Pod: [] as Obj[],
    Service: [] as Obj[],
    EndpointSlice: [] as Obj[],
    Deployment: [] as Obj[],
  };
  let rv = 180;
  const resourceVersion = () => String((rv += r.int(1, 40)));

  // Nodes: cp-1 (tainted control plane), worker-1..N-1; kubeadm's podCIDR 10.244.N.0/24 per node.
  const nodes: NodeInfo[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const name = i === 0 ? "cp-1" : `worker-${i}`;
    const node: NodeInfo = { name, ip: `192.168.0.${i + 10}`, uid: r.uid(), index: i, nextPodHost: 2 };
    nodes.push(node);
    items.Node.push(nodeObject(node, r, resourceVersion()));
  }
  const cp = nodes[0]!;
  const workers = nodes.slice(1);
  const podIP = (n: NodeInfo) => `10.244.${n.index}.${n.nextPodHost++}`;
  // Round-robin over the workers: each must stay within kubelet's maxPods (status.allocatable.pods),
  // kube-proxy included, or the scheduler would refuse the surplus.
  if (Math.ceil(appPods / workers.length) + 1 > DEFAULT_MAX_PODS_PER_NODE)
    throw new RangeError(`kubectlList: ${appPods} pods do not fit on ${workers.length} workers`);

  // Service ClusterIPs: unique in 10.96.0.0/12, .1 and .10 being the API server's and kube-dns'.
  const usedIPs = new Set(["10.96.0.1", "10.96.0.10"]);
  const clusterIP = () => {
    for (;;) {
      const ip = `10.${r.int(96, 111)}.${r.int(0, 255)}.${r.int(1, 254)}`;
      if (usedIPs.has(ip)) continue;
      usedIPs.add(ip);
      return ip;
    }
  };
  const usedNodePorts = new Set<number>();
  const nodePort = () => {
    for (;;) {
      const p = r.int(30000, 32767);
      if (usedNodePorts.has(p)) continue;
      usedNodePorts.add(p);
      return p;
    }
  };

  // kube-system: kube-proxy on every node, the control plane's static pods, coredns.
  const kubeProxyUid = r.uid();
  for (const n of nodes) items.Pod.push(kubeProxyPod(n, kubeProxyUid, r, resourceVersion()));
  for (const component of ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"])
    items.Pod.push(staticPod(component, cp, r, resourceVersion()));
  const dnsHash = r.chars(SAFE, 10);
  const dnsRsUid = r.uid();
  const dnsPods: PodRef[] = [0, 1].map(() => ({
    name: `coredns-${dnsHash}-${r.chars(SAFE, 5)}`,
    uid: r.uid(),
    ip: podIP(cp),
    node: cp,
    ready: true,
  }));
  for (const p of dnsPods) items.Pod.push(corednsPod(p, dnsHash, dnsRsUid, r, resourceVersion()));
  items.Deployment.push(corednsDeployment(dnsHash, r, resourceVersion()));
  const dnsUid = r.uid();
  items.Service.push(kubeDnsService(dnsUid, resourceVersion()));
  items.EndpointSlice.push(kubeDnsSlice(dnsPods, dnsUid, r, resourceVersion()));
  items.Service.push(kubernetesService(r.uid(), resourceVersion()));
  items.EndpointSlice.push(kubernetesSlice(cp, r.uid(), resourceVersion()));

  // The applications: round-robin over namespaces, each Deployment with a Service and its EndpointSlice.
  const nsCount = Math.max(1, Math.min(NAMESPACES.length, Math.ceil(deployments / 4)));
  const namesTaken = new Set<string>();
  let workerTurn = r.int(0, workers.length - 1);
  for (let i = 0; i < deployments; i++) {
    const ns = NAMESPACES[i % nsCount]!;
    const k = Math.floor(i / nsCount);
    let name = `${NOUNS[k % NOUNS.length]}${ROLES[Math.floor(k / NOUNS.length) % ROLES.length]}`;
    if (namesTaken.has(`${ns}/${name}`)) name = `${name}-${k}`;
    namesTaken.add(`${ns}/${name}`);
    const app: App = {
      name,
      ns,
      team: ns,
      image: IMAGES[r.int(0, IMAGES.length - 1)]!,
      replicas: replicas[i]!,
      hash: r.chars(SAFE, 10),
      uid: r.uid(),
      rsUid: r.uid(),
      created: 3600 + i * 37,
    };
    const pods: PodRef[] = [];
    for (let p = 0; p < app.replicas; p++) {
      const node = workers[workerTurn++ % workers.length]!;
      const ref = {
        name: `${name}-${app.hash}-${r.chars(SAFE, 5)}`,
        uid: r.uid(),
        ip: podIP(node),
        node,
        ready: r.next() > 0.05,
      };
      pods.push(ref);
      items.Pod.push(appPod(app, ref, r, resourceVersion()));
    }
    items.Deployment.push(appDeployment(app, pods, resourceVersion()));
    const svcUid = r.uid();
    const np = r.next() < 0.15 ? nodePort() : undefined;
    items.Service.push(appService(app, svcUid, clusterIP(), np, resourceVersion()));
    items.EndpointSlice.push(appSlice(app, pods, svcUid, r, resourceVersion()));
  }

  // The API server lists each kind sorted by namespace and name (its storage key); kubectl prints the
  // kinds in the order asked for.
  const key = (o: Obj) => {
    const m = o.metadata as { namespace?: string; name: string };
    return `${m.namespace ?? ""}/${m.name}`;
  };
  const byKey = (a: Obj, b: Obj) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const all = [items.Node, items.Pod, items.Service, items.EndpointSlice, items.Deployment].flatMap((l) =>
    l.sort(byKey),
  );
  if (all.length !== objects) throw new Error(`kubectlList: made ${all.length} objects, not ${objects}`);
  const list = sortKeys({ apiVersion: "v1", items: all, kind: "List", metadata: { resourceVersion: "" } });
  return YAML.stringify(list, {
    version: "1.1",
    indentSeq: false,
    blockQuote: "literal",
    lineWidth: 80,
  }).replace(
    /^( *)"\.": \{\}$/gm, // go-yaml leaves the key "." plain
    "$1.: {}",
  );
}

interface App {
  name: string;
  ns: string;
  team: string;
  image: string;
  replicas: number;
  hash: string;
  uid: string;
  rsUid: string;
  created: number;
}

type Rand = ReturnType<typeof prng>;

const nodeImages = (worker: boolean): Obj[] => {
  const images = worker
    ? [
        "registry.k8s.io/kube-proxy:v1.34.2",
        "docker.io/flannel/flannel:v0.26.1",
        ...IMAGES.map((i) => `docker.io/library/${i}`),
        "registry.k8s.io/pause:3.10",
      ]
    : [
        "registry.k8s.io/etcd:3.5.16-0",
        "registry.k8s.io/kube-apiserver:v1.34.2",
        "registry.k8s.io/kube-controller-manager:v1.34.2",
        "registry.k8s.io/kube-scheduler:v1.34.2",
        "registry.k8s.io/kube-proxy:v1.34.2",
        "registry.k8s.io/coredns/coredns:v1.11.3",
        "registry.k8s.io/pause:3.10",
      ];
  return images.map((tag, i) => ({
    names: [`${tag.split(":")[0]}@sha256:${sha(tag)}`, tag],
    sizeBytes: 700_000 + ((i * 7_919_993 + tag.length * 104_729) % 150_000_000),
  }));
};

/** A stable fake digest of a string (not a real sha256; only its shape matters). */
function sha(s: string): string {
  let h = 0x811c9dc5;
  let out = "";
  for (let i = 0; out.length < 64; i++) {
    h = Math.imul(h ^ s.charCodeAt(i % s.length) ^ i, 0x01000193) >>> 0;
    out += HEX[h & 15];
  }
  return out;
}

function nodeObject(n: NodeInfo, r: Rand, rv: string): Obj {
  const isCp = n.index === 0;
  const created = time(isCp ? 0 : 90 + n.index * 20);
  const conditions = [
    ["MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"],
    ["DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"],
    ["PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"],
    ["Ready", "True", "KubeletReady", "kubelet is posting ready status"],
  ].map(([type, status, reason, message]) => ({
    lastHeartbeatTime: time(950_000 + r.int(0, 40)),
    lastTransitionTime: time((isCp ? 0 : 90 + n.index * 20) + (type === "Ready" ? 31 : 0)),
    message,
    reason,
    status,
    type,
  }));
  const labels: Obj = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": n.name,
    "kubernetes.io/os": "linux",
    ...(isCp
      ? {
          "node-role.kubernetes.io/control-plane": "",
          "node.kubernetes.io/exclude-from-external-load-balancers": "",
        }
      : {}),
  };
  const resources = (memKi: number) => ({
    cpu: isCp ? "4" : "8",
    "ephemeral-storage": "95001528Ki",
    "hugepages-1Gi": "0",
    "hugepages-2Mi": "0",
    memory: `${memKi}Ki`,
    pods: String(DEFAULT_MAX_PODS_PER_NODE),
  });
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      annotations: {
        "flannel.alpha.coreos.com/backend-data": `{"VNI":1,"VtepMAC":"${r.chars(HEX, 2)}:${r.chars(HEX, 2)}:${r.chars(HEX, 2)}:${r.chars(HEX, 2)}:${r.chars(HEX, 2)}:${r.chars(HEX, 2)}"}`,
        "flannel.alpha.coreos.com/backend-type": "vxlan",
        "flannel.alpha.coreos.com/public-ip": n.ip,
        "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
      creationTimestamp: created,
      labels,
      managedFields: [
        managedField("kubelet", created, {
          "f:metadata": {
            "f:annotations": owned(leaves("volumes.kubernetes.io/controller-managed-attach-detach")),
            "f:labels": owned(
              leaves(
                "beta.kubernetes.io/arch",
                "beta.kubernetes.io/os",
                "kubernetes.io/arch",
                "kubernetes.io/hostname",
                "kubernetes.io/os",
              ),
            ),
          },
        }),
        managedField(
          "kubelet",
          time(950_000),
          {
            "f:status": {
              "f:allocatable": leaves("cpu", "ephemeral-storage", "memory"),
              "f:capacity": leaves("cpu", "ephemeral-storage", "memory"),
              "f:conditions": Object.fromEntries(
                ["DiskPressure", "MemoryPressure", "PIDPressure", "Ready"].map((t) => [
                  `k:{"type":"${t}"}`,
                  leaves("lastHeartbeatTime", "lastTransitionTime", "message", "reason", "status"),
                ]),
              ),
              ...leaves("images", "nodeInfo"),
            },
          },
          "status",
        ),
      ],
      name: n.name,
      resourceVersion: rv,
      uid: n.uid,
    },
    spec: {
      podCIDR: `10.244.${n.index}.0/24`,
      podCIDRs: [`10.244.${n.index}.0/24`],
      ...(isCp ? { taints: [{ effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane" }] } : {}),
    },
    status: {
      addresses: [
        { address: n.ip, type: "InternalIP" },
        { address: n.name, type: "Hostname" },
      ],
      allocatable: resources(isCp ? 3892356 : 16154228),
      capacity: resources(isCp ? 3994756 : 16256628),
      conditions,
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: nodeImages(!isCp),
      nodeInfo: {
        architecture: "amd64",
        bootID: r.uid(),
        containerRuntimeVersion: "containerd://1.7.24",
        kernelVersion: "6.1.0-27-amd64",
        kubeProxyVersion: "",
        kubeletVersion: "v1.34.2",
        machineID: r.chars(HEX, 32),
        operatingSystem: "linux",
        osImage: "Debian GNU/Linux 12 (bookworm)",
        systemUUID: r.uid(),
      },
    },
  };
}

/** The status every running pod reports, and the kubelet's managedFields entry for it. */
function podStatus(
  ref: PodRef,
  containers: { name: string; image: string }[],
  started: number,
  r: Rand,
  qosClass: string,
  hostNetwork = false,
): Obj {
  const ready = ref.ready ? "True" : "False";
  const conditions = [
    ["PodReadyToStartContainers", "True", 4],
    ["Initialized", "True", 0],
    ["Ready", ready, 9],
    ["ContainersReady", ready, 9],
    ["PodScheduled", "True", 0],
  ].map(([type, status, after]) => ({
    lastProbeTime: null,
    lastTransitionTime: time(started + (after as number)),
    ...(status === "False"
      ? {
          message: "containers with unready status: [" + containers[0]!.name + "]",
          reason: "ContainersNotReady",
        }
      : {}),
    status,
    type,
  }));
  return {
    conditions,
    containerStatuses: containers.map((c) => ({
      containerID: `containerd://${r.chars(HEX, 64)}`,
      image: c.image.includes("/") ? c.image : `docker.io/library/${c.image}`,
      imageID: `${c.image.includes("/") ? c.image.split(":")[0] : `docker.io/library/${c.image.split(":")[0]}`}@sha256:${sha(c.image)}`,
      lastState: {},
      name: c.name,
      ready: ref.ready,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: time(started + 3) } },
    })),
    hostIP: ref.node.ip,
    hostIPs: [{ ip: ref.node.ip }],
    phase: "Running",
    podIP: hostNetwork ? ref.node.ip : ref.ip,
    podIPs: [{ ip: hostNetwork ? ref.node.ip : ref.ip }],
    qosClass,
    startTime: time(started),
  };
}

const kubeletStatusFields = (at: string, ip: string): Obj =>
  managedField(
    "kubelet",
    at,
    {
      "f:status": {
        "f:conditions": Object.fromEntries(
          ["ContainersReady", "Initialized", "PodReadyToStartContainers", "Ready"].map((t) => [
            `k:{"type":"${t}"}`,
            owned(leaves("lastProbeTime", "lastTransitionTime", "status", "type")),
          ]),
        ),
        ...leaves("containerStatuses", "hostIP", "phase", "podIP", "startTime"),
        "f:hostIPs": {},
        "f:podIPs": owned({ [`k:{"ip":"${ip}"}`]: owned(leaves("ip")) }),
      },
    },
    "status",
  );

const serviceAccountVolume = (suffix: string): Obj => ({
  name: `kube-api-access-${suffix}`,
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
      { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
      {
        downwardAPI: {
          items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }],
        },
      },
    ],
  },
});

const defaultTolerations = [
  { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
  { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
];

function appContainer(app: App): Obj {
  return {
    env: [
      { name: "PORT", value: String(APP_PORT) },
      { name: "LOG_LEVEL", value: "info" },
    ],
    image: app.image,
    imagePullPolicy: "IfNotPresent",
    name: app.name,
    ports: [{ containerPort: APP_PORT, name: "http", protocol: "TCP" }],
    readinessProbe: {
      failureThreshold: 3,
      httpGet: { path: "/healthz", port: "http", scheme: "HTTP" },
      periodSeconds: 10,
      successThreshold: 1,
      timeoutSeconds: 1,
    },
    resources: { limits: { memory: "256Mi" }, requests: { cpu: "100m", memory: "128Mi" } },
    terminationMessagePath: "/dev/termination-log",
    terminationMessagePolicy: "File",
  };
}

const containerFields = (name: string): Obj => ({
  "f:containers": {
    [`k:{"name":"${name}"}`]: owned({
      "f:env": owned(
        Object.fromEntries(
          ["LOG_LEVEL", "PORT"].map((e) => [`k:{"name":"${e}"}`, owned(leaves("name", "value"))]),
        ),
      ),
      ...leaves(
        "image",
        "imagePullPolicy",
        "name",
        "resources",
        "terminationMessagePath",
        "terminationMessagePolicy",
      ),
      "f:ports": owned({
        [`k:{"containerPort":${APP_PORT},"protocol":"TCP"}`]: owned(
          leaves("containerPort", "name", "protocol"),
        ),
      }),
      "f:readinessProbe": owned({
        ...leaves("failureThreshold", "periodSeconds", "successThreshold", "timeoutSeconds"),
        "f:httpGet": owned(leaves("path", "port", "scheme")),
      }),
    }),
  },
  ...leaves(
    "dnsPolicy",
    "enableServiceLinks",
    "restartPolicy",
    "schedulerName",
    "securityContext",
    "terminationGracePeriodSeconds",
  ),
});

function appPod(app: App, ref: PodRef, r: Rand, rv: string): Obj {
  const started = app.created + 30 + r.int(0, 20);
  const volume = r.chars(SAFE, 5);
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      creationTimestamp: time(started),
      generateName: `${app.name}-${app.hash}-`,
      labels: { app: app.name, "pod-template-hash": app.hash },
      managedFields: [
        managedField("kube-controller-manager", time(started), {
          "f:metadata": {
            ...leaves("generateName"),
            "f:labels": owned(leaves("app", "pod-template-hash")),
            "f:ownerReferences": owned({ [`k:{"uid":"${app.rsUid}"}`]: {} }),
          },
          "f:spec": containerFields(app.name),
        }),
        kubeletStatusFields(time(started + 9), ref.ip),
      ],
      name: ref.name,
      namespace: app.ns,
      ownerReferences: [
        {
          apiVersion: "apps/v1",
          blockOwnerDeletion: true,
          controller: true,
          kind: "ReplicaSet",
          name: `${app.name}-${app.hash}`,
          uid: app.rsUid,
        },
      ],
      resourceVersion: rv,
      uid: ref.uid,
    },
    spec: {
      containers: [
        {
          ...appContainer(app),
          volumeMounts: [
            {
              mountPath: "/var/run/secrets/kubernetes.io/serviceaccount",
              name: `kube-api-access-${volume}`,
              readOnly: true,
            },
          ],
        },
      ],
      dnsPolicy: "ClusterFirst",
      enableServiceLinks: true,
      nodeName: ref.node.name,
      preemptionPolicy: "PreemptLowerPriority",
      priority: 0,
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      serviceAccount: "default",
      serviceAccountName: "default",
      terminationGracePeriodSeconds: 30,
      tolerations: defaultTolerations,
      volumes: [serviceAccountVolume(volume)],
    },
    status: podStatus(ref, [{ name: app.name, image: app.image }], started, r, "Burstable"),
  };
}

function kubeProxyPod(n: NodeInfo, dsUid: string, r: Rand, rv: string): Obj {
  const started = n.index === 0 ? 25 : 95 + n.index * 20;
  const ref: PodRef = {
    name: `kube-proxy-${r.chars(SAFE, 5)}`,
    uid: r.uid(),
    ip: n.ip,
    node: n,
    ready: true,
  };
  const image = "registry.k8s.io/kube-proxy:v1.34.2";
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      creationTimestamp: time(started),
      generateName: "kube-proxy-",
      labels: {
        "controller-revision-hash": "7b8c9d6f5d",
        "k8s-app": "kube-proxy",
        "pod-template-generation": "1",
      },
      managedFields: [
        managedField("kube-controller-manager", time(started), {
          "f:metadata": {
            ...leaves("generateName"),
            "f:labels": owned(leaves("controller-revision-hash", "k8s-app", "pod-template-generation")),
            "f:ownerReferences": owned({ [`k:{"uid":"${dsUid}"}`]: {} }),
          },
          "f:spec": {
            "f:affinity": owned({
              "f:nodeAffinity": owned(leaves("requiredDuringSchedulingIgnoredDuringExecution")),
            }),
            ...leaves(
              "containers",
              "hostNetwork",
              "nodeSelector",
              "priorityClassName",
              "tolerations",
              "volumes",
            ),
          },
        }),
        kubeletStatusFields(time(started + 9), n.ip),
      ],
      name: ref.name,
      namespace: "kube-system",
      ownerReferences: [
        {
          apiVersion: "apps/v1",
          blockOwnerDeletion: true,
          controller: true,
          kind: "DaemonSet",
          name: "kube-proxy",
          uid: dsUid,
        },
      ],
      resourceVersion: rv,
      uid: ref.uid,
    },
    spec: {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchFields: [{ key: "metadata.name", operator: "In", values: [n.name] }] },
            ],
          },
        },
      },
      containers: [
        {
          command: [
            "/usr/local/bin/kube-proxy",
            "--config=/var/lib/kube-proxy/config.conf",
            "--hostname-override=$(NODE_NAME)",
          ],
          env: [
            { name: "NODE_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } } },
          ],
          image,
          imagePullPolicy: "IfNotPresent",
          name: "kube-proxy",
          resources: {},
          securityContext: { privileged: true },
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
          volumeMounts: [
            { mountPath: "/var/lib/kube-proxy", name: "kube-proxy" },
            { mountPath: "/run/xtables.lock", name: "xtables-lock" },
            { mountPath: "/lib/modules", name: "lib-modules", readOnly: true },
          ],
        },
      ],
      dnsPolicy: "ClusterFirst",
      enableServiceLinks: true,
      hostNetwork: true,
      nodeName: n.name,
      nodeSelector: { "kubernetes.io/os": "linux" },
      preemptionPolicy: "PreemptLowerPriority",
      priority: 2000001000,
      priorityClassName: "system-node-critical",
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      serviceAccount: "kube-proxy",
      serviceAccountName: "kube-proxy",
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { operator: "Exists" },
        ...defaultTolerations.map((t) => ({ effect: t.effect, key: t.key, operator: t.operator })),
        { effect: "NoSchedule", key: "node.kubernetes.io/disk-pressure", operator: "Exists" },
      ],
      volumes: [
        { configMap: { defaultMode: 420, name: "kube-proxy" }, name: "kube-proxy" },
        { hostPath: { path: "/run/xtables.lock", type: "FileOrCreate" }, name: "xtables-lock" },
        { hostPath: { path: "/lib/modules", type: "" }, name: "lib-modules" },
      ],
    },
    status: podStatus(ref, [{ name: "kube-proxy", image }], started, r, "BestEffort", true),
  };
}

function staticPod(component: string, cp: NodeInfo, r: Rand, rv: string): Obj {
  const ref: PodRef = { name: `${component}-${cp.name}`, uid: r.uid(), ip: cp.ip, node: cp, ready: true };
  const image =
    component === "etcd" ? "registry.k8s.io/etcd:3.5.16-0" : `registry.k8s.io/${component}:v1.34.2`;
  const hash = r.chars(HEX, 32);
  const command: Record<string, string[]> = {
    etcd: [
      "etcd",
      `--advertise-client-urls=https://${cp.ip}:2379`,
      "--data-dir=/var/lib/etcd",
      `--listen-client-urls=https://127.0.0.1:2379,https://${cp.ip}:2379`,
    ],
    "kube-apiserver": [
      "kube-apiserver",
      `--advertise-address=${cp.ip}`,
      "--allow-privileged=true",
      "--authorization-mode=Node,RBAC",
      "--enable-admission-plugins=NodeRestriction",
      "--secure-port=6443",
      "--service-cluster-ip-range=10.96.0.0/12",
    ],
    "kube-controller-manager": [
      "kube-controller-manager",
      "--allocate-node-cidrs=true",
      "--cluster-cidr=10.244.0.0/16",
      "--leader-elect=true",
      "--service-cluster-ip-range=10.96.0.0/12",
    ],
    "kube-scheduler": [
      "kube-scheduler",
      "--bind-address=127.0.0.1",
      "--kubeconfig=/etc/kubernetes/scheduler.conf",
      "--leader-elect=true",
    ],
  };
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      annotations: {
        ...(component === "kube-apiserver"
          ? { "kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint": `${cp.ip}:6443` }
          : {}),
        ...(component === "etcd"
          ? { "kubeadm.kubernetes.io/etcd.advertise-client-urls": `https://${cp.ip}:2379` }
          : {}),
        "kubernetes.io/config.hash": hash,
        "kubernetes.io/config.mirror": hash,
        "kubernetes.io/config.seen": "2026-11-20T08:12:20.512663473Z",
        "kubernetes.io/config.source": "file",
      },
      creationTimestamp: time(5),
      labels: { component, tier: "control-plane" },
      managedFields: [
        managedField("kubelet", time(5), {
          "f:metadata": {
            "f:annotations": owned(
              leaves(
                "kubernetes.io/config.hash",
                "kubernetes.io/config.mirror",
                "kubernetes.io/config.seen",
                "kubernetes.io/config.source",
              ),
            ),
            "f:labels": owned(leaves("component", "tier")),
            "f:ownerReferences": owned({ [`k:{"uid":"${cp.uid}"}`]: {} }),
          },
          "f:spec": leaves(
            "containers",
            "hostNetwork",
            "nodeName",
            "priority",
            "priorityClassName",
            "securityContext",
            "tolerations",
            "volumes",
          ),
        }),
        kubeletStatusFields(time(30), cp.ip),
      ],
      name: ref.name,
      namespace: "kube-system",
      ownerReferences: [{ apiVersion: "v1", controller: true, kind: "Node", name: cp.name, uid: cp.uid }],
      resourceVersion: rv,
      uid: ref.uid,
    },
    spec: {
      containers: [
        {
          command: command[component],
          image,
          imagePullPolicy: "IfNotPresent",
          livenessProbe: {
            failureThreshold: 8,
            httpGet: {
              host: component === "kube-apiserver" ? cp.ip : "127.0.0.1",
              path: "/livez",
              port: 10257,
              scheme: "HTTPS",
            },
            initialDelaySeconds: 10,
            periodSeconds: 10,
            successThreshold: 1,
            timeoutSeconds: 15,
          },
          name: component,
          resources: { requests: { cpu: component === "kube-apiserver" ? "250m" : "100m" } },
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
          volumeMounts: [{ mountPath: "/etc/kubernetes/pki", name: "k8s-certs", readOnly: true }],
        },
      ],
      dnsPolicy: "ClusterFirst",
      enableServiceLinks: true,
      hostNetwork: true,
      nodeName: cp.name,
      preemptionPolicy: "PreemptLowerPriority",
      priority: 2000001000,
      priorityClassName: "system-node-critical",
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: { seccompProfile: { type: "RuntimeDefault" } },
      terminationGracePeriodSeconds: 30,
      tolerations: [{ effect: "NoExecute", operator: "Exists" }],
      volumes: [{ hostPath: { path: "/etc/kubernetes/pki", type: "DirectoryOrCreate" }, name: "k8s-certs" }],
    },
    status: podStatus(ref, [{ name: component, image }], 5, r, "Burstable", true),
  };
}

const DNS_IMAGE = "registry.k8s.io/coredns/coredns:v1.11.3";
const dnsPorts = [
  { containerPort: 53, name: "dns", protocol: "UDP" },
  { containerPort: 53, name: "dns-tcp", protocol: "TCP" },
  { containerPort: 9153, name: "metrics", protocol: "TCP" },
];
const dnsTolerations = [
  { key: "CriticalAddonsOnly", operator: "Exists" },
  { effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane" },
];
const dnsContainer = {
  args: ["-conf", "/etc/coredns/Corefile"],
  image: DNS_IMAGE,
  imagePullPolicy: "IfNotPresent",
  livenessProbe: {
    failureThreshold: 5,
    httpGet: { path: "/health", port: 8080, scheme: "HTTP" },
    initialDelaySeconds: 60,
    periodSeconds: 10,
    successThreshold: 1,
    timeoutSeconds: 5,
  },
  name: "coredns",
  ports: dnsPorts,
  readinessProbe: {
    failureThreshold: 3,
    httpGet: { path: "/ready", port: 8181, scheme: "HTTP" },
    periodSeconds: 10,
    successThreshold: 1,
    timeoutSeconds: 1,
  },
  resources: { limits: { memory: "170Mi" }, requests: { cpu: "100m", memory: "70Mi" } },
  securityContext: {
    allowPrivilegeEscalation: false,
    capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] },
    readOnlyRootFilesystem: true,
  },
  terminationMessagePath: "/dev/termination-log",
  terminationMessagePolicy: "File",
  volumeMounts: [{ mountPath: "/etc/coredns", name: "config-volume", readOnly: true }],
};
const dnsPodSpec = {
  containers: [dnsContainer],
  dnsPolicy: "Default",
  nodeSelector: { "kubernetes.io/os": "linux" },
  priorityClassName: "system-cluster-critical",
  restartPolicy: "Always",
  schedulerName: "default-scheduler",
  securityContext: {},
  serviceAccountName: "coredns",
  terminationGracePeriodSeconds: 30,
  tolerations: dnsTolerations,
  volumes: [
    {
      configMap: { defaultMode: 420, items: [{ key: "Corefile", path: "Corefile" }], name: "coredns" },
      name: "config-volume",
    },
  ],
};

function corednsPod(ref: PodRef, hash: string, rsUid: string, r: Rand, rv: string): Obj {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      creationTimestamp: time(40),
      generateName: `coredns-${hash}-`,
      labels: { "k8s-app": "kube-dns", "pod-template-hash": hash },
      managedFields: [
        managedField("kube-controller-manager", time(40), {
          "f:metadata": {
            ...leaves("generateName"),
            "f:labels": owned(leaves("k8s-app", "pod-template-hash")),
            "f:ownerReferences": owned({ [`k:{"uid":"${rsUid}"}`]: {} }),
          },
          "f:spec": leaves(
            "containers",
            "dnsPolicy",
            "nodeSelector",
            "priorityClassName",
            "tolerations",
            "volumes",
          ),
        }),
        kubeletStatusFields(time(70), ref.ip),
      ],
      name: ref.name,
      namespace: "kube-system",
      ownerReferences: [
        {
          apiVersion: "apps/v1",
          blockOwnerDeletion: true,
          controller: true,
          kind: "ReplicaSet",
          name: `coredns-${hash}`,
          uid: rsUid,
        },
      ],
      resourceVersion: rv,
      uid: ref.uid,
    },
    spec: {
      ...dnsPodSpec,
      containers: [
        {
          ...dnsContainer,
          volumeMounts: [
            ...dnsContainer.volumeMounts,
            {
              mountPath: "/var/run/secrets/kubernetes.io/serviceaccount",
              name: "kube-api-access-dns01",
              readOnly: true,
            },
          ],
        },
      ],
      enableServiceLinks: true,
      nodeName: ref.node.name,
      preemptionPolicy: "PreemptLowerPriority",
      priority: 2000000000,
      serviceAccount: "coredns",
      tolerations: [...dnsTolerations, ...defaultTolerations],
      volumes: [...dnsPodSpec.volumes, serviceAccountVolume("dns01")],
    },
    status: podStatus(ref, [{ name: "coredns", image: DNS_IMAGE }], 60, r, "Burstable"),
  };
}

function deploymentStatus(name: string, hash: string, replicas: number, ready: number, at: string): Obj {
  const counts = replicas
    ? { availableReplicas: ready, readyReplicas: ready, replicas, updatedReplicas: replicas }
    : {};
  const short = ready < replicas - Math.floor(replicas / 4); // maxUnavailable 25%, rounded down
  return {
    ...counts,
    conditions: [
      {
        lastTransitionTime: at,
        lastUpdateTime: at,
        message: short
          ? "Deployment does not have minimum availability."
          : "Deployment has minimum availability.",
        reason: short ? "MinimumReplicasUnavailable" : "MinimumReplicasAvailable",
        status: short ? "False" : "True",
        type: "Available",
      },
      {
        lastTransitionTime: at,
        lastUpdateTime: at,
        message: `ReplicaSet "${name}-${hash}" has successfully progressed.`,
        reason: "NewReplicaSetAvailable",
        status: "True",
        type: "Progressing",
      },
    ],
    observedGeneration: 1,
    ...(short ? { unavailableReplicas: replicas - ready } : {}),
  };
}

function deploymentStatusFields(at: string): Obj {
  return managedField(
    "kube-controller-manager",
    at,
    {
      "f:metadata": { "f:annotations": leaves("deployment.kubernetes.io/revision") },
      "f:status": {
        ...leaves("availableReplicas", "observedGeneration", "readyReplicas", "replicas", "updatedReplicas"),
        "f:conditions": owned(
          Object.fromEntries(
            ["Available", "Progressing"].map((t) => [
              `k:{"type":"${t}"}`,
              owned(leaves("lastTransitionTime", "lastUpdateTime", "message", "reason", "status", "type")),
            ]),
          ),
        ),
      },
    },
    "status",
    "apps/v1",
  );
}

function corednsDeployment(hash: string, r: Rand, rv: string): Obj {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      annotations: { "deployment.kubernetes.io/revision": "1" },
      creationTimestamp: time(3),
      generation: 1,
      labels: { "k8s-app": "kube-dns" },
      managedFields: [
        managedField(
          "kubeadm",
          time(3),
          {
            "f:metadata": { "f:labels": owned(leaves("k8s-app")) },
            "f:spec": {
              ...leaves("progressDeadlineSeconds", "revisionHistoryLimit", "selector"),
              "f:strategy": {
                "f:rollingUpdate": owned(leaves("maxSurge", "maxUnavailable")),
                ...leaves("type"),
              },
              "f:template": {
                "f:metadata": { "f:labels": owned(leaves("k8s-app")) },
                "f:spec": leaves(
                  "containers",
                  "dnsPolicy",
                  "nodeSelector",
                  "priorityClassName",
                  "restartPolicy",
                  "schedulerName",
                  "securityContext",
                  "serviceAccountName",
                  "terminationGracePeriodSeconds",
                  "tolerations",
                  "volumes",
                ),
              },
            },
          },
          undefined,
          "apps/v1",
        ),
        deploymentStatusFields(time(70)),
      ],
      name: "coredns",
      namespace: "kube-system",
      resourceVersion: rv,
      uid: r.uid(),
    },
    spec: {
      progressDeadlineSeconds: 600,
      replicas: 2,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { "k8s-app": "kube-dns" } },
      strategy: { rollingUpdate: { maxSurge: "25%", maxUnavailable: 1 }, type: "RollingUpdate" },
      template: {
        metadata: { creationTimestamp: null, labels: { "k8s-app": "kube-dns" } },
        spec: dnsPodSpec,
      },
    },
    status: deploymentStatus("coredns", hash, 2, 2, time(70)),
  };
}

const SERVICE_DEFAULTS = {
  internalTrafficPolicy: "Cluster",
  ipFamilies: ["IPv4"],
  ipFamilyPolicy: "SingleStack",
  sessionAffinity: "None",
};

function kubeDnsService(uid: string, rv: string): Obj {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      annotations: { "prometheus.io/port": "9153", "prometheus.io/scrape": "true" },
      creationTimestamp: time(3),
      labels: {
        "k8s-app": "kube-dns",
        "kubernetes.io/cluster-service": "true",
        "kubernetes.io/name": "CoreDNS",
      },
      managedFields: [
        managedField("kubeadm", time(3), {
          "f:metadata": {
            "f:annotations": owned(leaves("prometheus.io/port", "prometheus.io/scrape")),
            "f:labels": owned(leaves("k8s-app", "kubernetes.io/cluster-service", "kubernetes.io/name")),
          },
          "f:spec": {
            ...leaves("clusterIP", "internalTrafficPolicy", "selector", "sessionAffinity", "type"),
            "f:ports": owned(
              Object.fromEntries(
                dnsPorts.map((p) => [
                  `k:{"port":${p.containerPort},"protocol":"${p.protocol}"}`,
                  owned(leaves("name", "port", "protocol", "targetPort")),
                ]),
              ),
            ),
          },
        }),
      ],
      name: "kube-dns",
      namespace: "kube-system",
      resourceVersion: rv,
      uid,
    },
    spec: {
      ...SERVICE_DEFAULTS,
      clusterIP: "10.96.0.10",
      clusterIPs: ["10.96.0.10"],
      ports: dnsPorts.map((p) => ({
        name: p.name,
        port: p.containerPort,
        protocol: p.protocol,
        targetPort: p.containerPort,
      })),
      selector: { "k8s-app": "kube-dns" },
      type: "ClusterIP",
    },
    status: { loadBalancer: {} },
  };
}

function sliceFields(at: string, labels: string[], uid: string): Obj {
  return managedField(
    "kube-controller-manager",
    at,
    {
      "f:addressType": {},
      "f:endpoints": {},
      "f:metadata": {
        "f:annotations": owned(leaves("endpoints.kubernetes.io/last-change-trigger-time")),
        ...leaves("generateName"),
        "f:labels": owned(leaves(...labels)),
        "f:ownerReferences": owned({ [`k:{"uid":"${uid}"}`]: {} }),
      },
      "f:ports": {},
    },
    undefined,
    "discovery.k8s.io/v1",
  );
}

function endpoint(p: PodRef, ns: string): Obj {
  return {
    addresses: [p.ip],
    conditions: { ready: p.ready, serving: p.ready, terminating: false },
    nodeName: p.node.name,
    targetRef: { kind: "Pod", name: p.name, namespace: ns, uid: p.uid },
  };
}

function kubeDnsSlice(pods: PodRef[], svcUid: string, r: Rand, rv: string): Obj {
  const labels = {
    "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
    "k8s-app": "kube-dns",
    "kubernetes.io/cluster-service": "true",
    "kubernetes.io/name": "CoreDNS",
    "kubernetes.io/service-name": "kube-dns",
  };
  return {
    addressType: "IPv4",
    apiVersion: "discovery.k8s.io/v1",
    endpoints: pods.map((p) => endpoint(p, "kube-system")),
    kind: "EndpointSlice",
    metadata: {
      annotations: { "endpoints.kubernetes.io/last-change-trigger-time": time(70) },
      creationTimestamp: time(3),
      generateName: "kube-dns-",
      generation: 4,
      labels,
      managedFields: [sliceFields(time(70), Object.keys(labels), svcUid)],
      name: `kube-dns-${r.chars(SAFE, 5)}`,
      namespace: "kube-system",
      ownerReferences: [
        {
          apiVersion: "v1",
          blockOwnerDeletion: true,
          controller: true,
          kind: "Service",
          name: "kube-dns",
          uid: svcUid,
        },
      ],
      resourceVersion: rv,
      uid: r.uid(),
    },
    ports: [
      { name: "dns-tcp", port: 53, protocol: "TCP" },
      { name: "dns", port: 53, protocol: "UDP" },
      { name: "metrics", port: 9153, protocol: "TCP" },
    ],
  };
}

function kubernetesService(uid: string, rv: string): Obj {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      creationTimestamp: time(2),
      labels: { component: "apiserver", provider: "kubernetes" },
      managedFields: [
        managedField("kube-apiserver", time(2), {
          "f:metadata": { "f:labels": owned(leaves("component", "provider")) },
          "f:spec": {
            ...leaves("clusterIP", "internalTrafficPolicy", "ipFamilyPolicy", "sessionAffinity", "type"),
            "f:ports": owned({
              'k:{"port":443,"protocol":"TCP"}': owned(leaves("name", "port", "protocol", "targetPort")),
            }),
          },
        }),
      ],
      name: "kubernetes",
      namespace: "default",
      resourceVersion: rv,
      uid,
    },
    spec: {
      ...SERVICE_DEFAULTS,
      clusterIP: "10.96.0.1",
      clusterIPs: ["10.96.0.1"],
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
      type: "ClusterIP",
    },
    status: { loadBalancer: {} },
  };
}

function kubernetesSlice(cp: NodeInfo, uid: string, rv: string): Obj {
  return {
    addressType: "IPv4",
    apiVersion: "discovery.k8s.io/v1",
    endpoints: [{ addresses: [cp.ip], conditions: { ready: true } }],
    kind: "EndpointSlice",
    metadata: {
      creationTimestamp: time(2),
      generation: 1,
      labels: { "kubernetes.io/service-name": "kubernetes" },
      managedFields: [
        managedField(
          "kube-apiserver",
          time(2),
          {
            "f:addressType": {},
            "f:endpoints": {},
            "f:metadata": { "f:labels": owned(leaves("kubernetes.io/service-name")) },
            "f:ports": {},
          },
          undefined,
          "discovery.k8s.io/v1",
        ),
      ],
      name: "kubernetes",
      namespace: "default",
      resourceVersion: rv,
      uid,
    },
    ports: [{ name: "https", port: 6443, protocol: "TCP" }],
  };
}

const lastApplied = (o: Obj) => `${JSON.stringify(o)}\n`;

function appDeployment(app: App, pods: PodRef[], rv: string): Obj {
  const created = time(app.created);
  const labels = { app: app.name };
  const {
    terminationMessagePath: _p,
    terminationMessagePolicy: _q,
    imagePullPolicy: _i,
    ...applied
  } = appContainer(app);
  const appliedReadiness = { httpGet: { path: "/healthz", port: "http" }, periodSeconds: 10 };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      annotations: {
        "deployment.kubernetes.io/revision": "1",
        "kubectl.kubernetes.io/last-applied-configuration": lastApplied({
          apiVersion: "apps/v1",
          kind: "Deployment",
          metadata: { annotations: {}, labels, name: app.name, namespace: app.ns },
          spec: {
            replicas: app.replicas,
            selector: { matchLabels: labels },
            template: {
              metadata: { labels },
              spec: { containers: [{ ...applied, readinessProbe: appliedReadiness }] },
            },
          },
        }),
      },
      creationTimestamp: created,
      generation: 1,
      labels,
      managedFields: [
        managedField(
          "kubectl-client-side-apply",
          created,
          {
            "f:metadata": {
              "f:annotations": owned(leaves("kubectl.kubernetes.io/last-applied-configuration")),
              "f:labels": owned(leaves("app")),
            },
            "f:spec": {
              ...leaves("progressDeadlineSeconds", "replicas", "revisionHistoryLimit", "selector"),
              "f:strategy": {
                "f:rollingUpdate": owned(leaves("maxSurge", "maxUnavailable")),
                ...leaves("type"),
              },
              "f:template": {
                "f:metadata": { "f:labels": owned(leaves("app")) },
                "f:spec": containerFields(app.name),
              },
            },
          },
          undefined,
          "apps/v1",
        ),
        deploymentStatusFields(time(app.created + 60)),
      ],
      name: app.name,
      namespace: app.ns,
      resourceVersion: rv,
      uid: app.uid,
    },
    spec: {
      progressDeadlineSeconds: 600,
      replicas: app.replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: labels },
      strategy: { rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" }, type: "RollingUpdate" },
      template: {
        metadata: { creationTimestamp: null, labels },
        spec: {
          containers: [appContainer(app)],
          dnsPolicy: "ClusterFirst",
          restartPolicy: "Always",
          schedulerName: "default-scheduler",
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    },
    status: deploymentStatus(
      app.name,
      app.hash,
      app.replicas,
      pods.filter((p) => p.ready).length,
      time(app.created + 60),
    ),
  };
}

function appService(app: App, uid: string, ip: string, nodePort: number | undefined, rv: string): Obj {
  const created = time(app.created + 1);
  const type = nodePort === undefined ? "ClusterIP" : "NodePort";
  const port = {
    name: "http",
    ...(nodePort === undefined ? {} : { nodePort }),
    port: 80,
    protocol: "TCP",
    targetPort: "http",
  };
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      annotations: {
        "kubectl.kubernetes.io/last-applied-configuration": lastApplied({
          apiVersion: "v1",
          kind: "Service",
          metadata: { annotations: {}, labels: { app: app.name }, name: app.name, namespace: app.ns },
          spec: {
            ports: [
              { name: "http", ...(nodePort === undefined ? {} : { nodePort }), port: 80, targetPort: "http" },
            ],
            selector: { app: app.name },
            type,
          },
        }),
      },
      creationTimestamp: created,
      labels: { app: app.name, team: app.team },
      managedFields: [
        managedField("kubectl-client-side-apply", created, {
          "f:metadata": {
            "f:annotations": owned(leaves("kubectl.kubernetes.io/last-applied-configuration")),
            "f:labels": owned(leaves("app")),
          },
          "f:spec": {
            ...leaves("internalTrafficPolicy", "sessionAffinity", "type"),
            ...(nodePort === undefined ? {} : leaves("externalTrafficPolicy")),
            "f:ports": owned({
              'k:{"port":80,"protocol":"TCP"}': owned(
                leaves(
                  "name",
                  ...(nodePort === undefined ? [] : ["nodePort"]),
                  "port",
                  "protocol",
                  "targetPort",
                ),
              ),
            }),
            "f:selector": {},
          },
        }),
        managedField("kubectl-label", time(app.created + 400), {
          "f:metadata": { "f:labels": leaves("team") },
        }),
      ],
      name: app.name,
      namespace: app.ns,
      resourceVersion: rv,
      uid,
    },
    spec: {
      ...SERVICE_DEFAULTS,
      clusterIP: ip,
      clusterIPs: [ip],
      ...(nodePort === undefined ? {} : { externalTrafficPolicy: "Cluster" }),
      ports: [port],
      selector: { app: app.name },
      type,
    },
    status: { loadBalancer: {} },
  };
}

/** The EndpointSlice controller's slice; `endpoints: null` when no pod matches, as kubectl prints it. */
function appSlice(app: App, pods: PodRef[], svcUid: string, r: Rand, rv: string): Obj {
  const labels = {
    app: app.name,
    "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
    "kubernetes.io/service-name": app.name,
    team: app.team,
  };
  const changed = time(app.created + 60);
  return {
    addressType: "IPv4",
    apiVersion: "discovery.k8s.io/v1",
    endpoints: pods.length ? pods.map((p) => endpoint(p, app.ns)) : null,
    kind: "EndpointSlice",
    metadata: {
      annotations: { "endpoints.kubernetes.io/last-change-trigger-time": changed },
      creationTimestamp: time(app.created + 1),
      generateName: `${app.name}-`,
      generation: 1 + pods.length,
      labels,
      // One managedFields entry: the EndpointSlice controller is a slice's only writer.
      managedFields: [sliceFields(changed, Object.keys(labels), svcUid)],
      name: `${app.name}-${r.chars(SAFE, 5)}`,
      namespace: app.ns,
      ownerReferences: [
        {
          apiVersion: "v1",
          blockOwnerDeletion: true,
          controller: true,
          kind: "Service",
          name: app.name,
          uid: svcUid,
        },
      ],
      resourceVersion: rv,
      uid: r.uid(),
    },
    ports: [{ name: "http", port: APP_PORT, protocol: "TCP" }],
  };
}
