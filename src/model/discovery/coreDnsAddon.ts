// The cluster DNS as kubeadm (1.34) installs it: Service kube-system/kube-dns at the tenth address of
// the service CIDR (kubelet's --cluster-dns) and Deployment kube-system/coredns, two replicas
// (cmd/kubeadm/app/phases/addons/dns/manifests.go). A cluster has it whether or not the manifests say
// so, like default/kubernetes; manifests or a listing that hold their own are left as they are.
import type { ApiServer } from "../apiserver/apiServer";
import type { ClusterConfig } from "../clusterConfig";
import { syncDeployments, syncReplicaSets } from "../controllers/workloads";
import { unfitReason } from "../controllers/scheduler";
import type { Deployment, KubeObject, Node, Pod, Service, Toleration } from "../k8s";
import { dnsServerIP } from "./resolvConf";

const DNS_NAMESPACE = "kube-system";
const DNS_SERVICE = "kube-dns";
const DNS_DEPLOYMENT = "coredns";
/** The label kubeadm's CoreDNS pods carry and kube-dns selects. */
const DNS_POD_LABEL = { "k8s-app": "kube-dns" } as const;
/** CoreDNS's port for queries, UDP and TCP. */
export const DNS_PORT = 53;

/** kubeadm's CoreDNS tolerations: it runs on the control plane, which kubeadm taints. */
const TOLERATIONS: Toleration[] = [
  { key: "CriticalAddonsOnly", operator: "Exists" },
  { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" },
];

/** Whether an object is the cluster DNS's: kubeadm's label k8s-app=kube-dns, in kube-system. */
export const isClusterDnsObject = (o: KubeObject): boolean =>
  o.metadata.namespace === DNS_NAMESPACE && o.metadata.labels?.["k8s-app"] === DNS_POD_LABEL["k8s-app"];

const isDnsPod = (o: KubeObject): boolean => o.kind === "Pod" && isClusterDnsObject(o);

/**
 * Whether the cluster must be given kube-dns: not when the objects define kube-system/kube-dns, hold
 * CoreDNS pods (a listing of a live cluster), or take its address for another Service.
 */
export function needsClusterDns(objects: readonly KubeObject[], config: ClusterConfig): boolean {
  const ip = dnsServerIP(config);
  return !objects.some(
    (o) =>
      isDnsPod(o) ||
      (o.kind === "Service" &&
        ((o.metadata.name === DNS_SERVICE && o.metadata.namespace === DNS_NAMESPACE) ||
          o.spec.clusterIP === ip ||
          (o.spec.clusterIPs ?? []).includes(ip))),
  );
}

export function kubeDnsService(config: ClusterConfig): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: DNS_SERVICE,
      namespace: DNS_NAMESPACE,
      labels: { ...DNS_POD_LABEL, "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" },
      annotations: { "prometheus.io/port": "9153", "prometheus.io/scrape": "true" },
    },
    spec: {
      type: "ClusterIP",
      clusterIP: dnsServerIP(config),
      selector: { ...DNS_POD_LABEL },
      ports: [
        { name: "dns", protocol: "UDP", port: DNS_PORT, targetPort: DNS_PORT },
        { name: "dns-tcp", protocol: "TCP", port: DNS_PORT, targetPort: DNS_PORT },
        { name: "metrics", protocol: "TCP", port: 9153, targetPort: 9153 },
      ],
      sessionAffinity: "None",
    },
    status: {},
  };
}

function coreDnsDeployment(): Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: DNS_DEPLOYMENT, namespace: DNS_NAMESPACE, labels: { ...DNS_POD_LABEL } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { ...DNS_POD_LABEL } },
      template: {
        metadata: { labels: { ...DNS_POD_LABEL } },
        spec: {
          tolerations: TOLERATIONS.map((t) => ({ ...t })),
          containers: [
            {
              name: "coredns",
              image: "registry.k8s.io/coredns/coredns:v1.12.1",
              ports: [
                { name: "dns", containerPort: DNS_PORT, protocol: "UDP" },
                { name: "dns-tcp", containerPort: DNS_PORT, protocol: "TCP" },
                { name: "metrics", containerPort: 9153, protocol: "TCP" },
              ],
            },
          ],
        },
      },
    },
  };
}

/**
 * Creates kube-dns and coredns once the user's pods are placed and binds CoreDNS's pods to the first
 * node that takes them: kubeadm brings CoreDNS up on the control-plane node before any worker joins.
 * Made last, its pods are addressed after the user's pods there, and the scheduler leaves them out of
 * its spreading (scheduler.ts), so the user's pods land and are addressed as without them. When the
 * Service cannot be made (its address is outside the range), the cluster goes without: false.
 */
export function addClusterDns(api: ApiServer): boolean {
  const svc = kubeDnsService(api.config);
  if (api.create(svc).some((e) => (e.severity ?? "error") === "error")) return false;
  api.create(coreDnsDeployment());
  syncDeployments(api);
  syncReplicaSets(api);
  const pods = api.list<Pod>("Pod");
  const load = new Map<string, number>();
  for (const p of pods) if (p.spec.nodeName) load.set(p.spec.nodeName, (load.get(p.spec.nodeName) ?? 0) + 1);
  for (const pod of pods) {
    if (!isDnsPod(pod) || pod.spec.nodeName) continue;
    const node = api
      .list<Node>("Node")
      .find((n) => unfitReason(pod, n, load.get(n.metadata.name) ?? 0) === null);
    if (!node) continue;
    pod.spec.nodeName = node.metadata.name;
    load.set(node.metadata.name, (load.get(node.metadata.name) ?? 0) + 1);
  }
  return true;
}
