// What the inspector shows of one object, computed from the running cluster: a Service's kube-proxy
// chains on one node with sample packets explained, or a Pod's service environment and DNS answers.
// Small plain objects only, so they cross the worker boundary cheaply.
import { nsName, type Cluster } from "../model/cluster";
import { nodeInternalIPs } from "../model/controllers/kubelet";
import { podResolvConf, resolve, serviceEnv } from "../model/discovery";
import type { DnsRecord } from "../model/discovery";
import type { Pod, Service } from "../model/k8s";
import { clusterIPOf, familyOf, joinHostPort, nodeProxy, serviceFamily } from "../engine/kubeproxy";
import type {
  InspectedSample,
  Inspection,
  PodInspection,
  SampleKind,
  ServiceInspection,
} from "../protocol/messages";
import { parsePlaceId } from "../protocol/placeId";

const MAX_DNS_NAMES = 12;

/** Inspects "svc:NS/NAME" (on `node`, by default the first node) or "pod:NS/NAME"; throws otherwise. */
export function inspect(cluster: Cluster, target: string, node?: string): Inspection {
  const place = parsePlaceId(target);
  const name = place?.name;
  if (place?.kind === "svc") {
    const svc = cluster.services.find((s) => nsName(s) === name);
    if (!svc) throw new Error(`No Service ${name} in the cluster`);
    return inspectService(cluster, svc, node);
  }
  if (place?.kind === "pod") {
    const pod = cluster.pods.find((p) => nsName(p) === name);
    if (!pod) throw new Error(`No Pod ${name} in the cluster`);
    return inspectPod(cluster, pod);
  }
  throw new Error(`Nothing to inspect for "${target}": choose a Service or a Pod`);
}

function inspectService(cluster: Cluster, svc: Service, wanted?: string): ServiceInspection {
  const nodes = cluster.nodes.map((n) => n.metadata.name);
  const node = wanted && nodes.includes(wanted) ? wanted : (nodes[0] ?? "");
  const service = nsName(svc);
  const base = { kind: "service" as const, service, node, nodes };
  const mode = cluster.config.kubeProxy.mode;
  const nodeObj = cluster.nodes.find((n) => n.metadata.name === node);
  if (!nodeObj || svc.spec.type === "ExternalName") return { ...base, mode, chains: [], samples: [] };
  const family = serviceFamily(svc);
  const proxy = nodeProxy(cluster, node, family);
  const samples: InspectedSample[] = [];
  const sample = (label: SampleKind, src: string, dst: string) => {
    try {
      const d = proxy.explain({ src, dst });
      samples.push({
        label,
        src,
        dst,
        action: d.action,
        reason: d.reason,
        why: d.why,
        masquerade: d.masquerade,
        rules: d.rules,
        candidates: d.candidates.map((c, i) => ({
          ...c,
          masquerade: d.masqueradeByCandidate[i] ?? d.masquerade,
        })),
      });
    } catch {
      // An address of another family, say: no sample then.
    }
  };
  const port = svc.spec.ports?.[0];
  const client = cluster.config.clients.find((c) => familyOf(c.ip) === family);
  const nodeIP = nodeInternalIPs(nodeObj).find((ip) => familyOf(ip) === family);
  if (port?.nodePort && client && nodeIP)
    sample({ kind: "nodePort", client: client.name, node }, client.ip, joinHostPort(nodeIP, port.nodePort));
  const clusterIP = clusterIPOf(svc, family);
  if (port && clusterIP) {
    const podIP = (p: Pod) =>
      (p.status.podIPs?.map((i) => i.ip) ?? [p.status.podIP]).find((ip) => ip && familyOf(ip) === family);
    const local = cluster.pods.find((p) => p.spec.nodeName === node && podIP(p));
    const src = (local && podIP(local)) ?? nodeIP;
    if (src)
      sample(
        local ? { kind: "clusterIPFromPod", pod: nsName(local) } : { kind: "clusterIPFromNode", node },
        src,
        joinHostPort(clusterIP, port.port),
      );
  }
  return { ...base, mode, chains: proxy.serviceChains(service), samples };
}

const recordText = (r: DnsRecord): string =>
  r.type === "SRV" ? `SRV ${r.port} ${r.target}` : r.type === "A" ? r.value : `${r.type} ${r.value}`;

function inspectPod(cluster: Cluster, pod: Pod): PodInspection {
  const ns = pod.metadata.namespace ?? "default";
  const conf = podResolvConf(cluster, pod);
  const names = cluster.services
    .map((s) => {
      const sns = s.metadata.namespace ?? "default";
      return sns === ns ? s.metadata.name : `${s.metadata.name}.${sns}`;
    })
    .slice(0, MAX_DNS_NAMES);
  return {
    kind: "pod",
    pod: nsName(pod),
    env: serviceEnv(cluster, pod).map((e) => ({ name: e.name, value: e.value })),
    resolvConf: { nameservers: conf.nameservers, searches: conf.searches, options: conf.options },
    dns: names.map((name) => {
      const a = resolve(cluster, pod, name);
      return {
        name,
        rcode: a.rcode,
        answers: a.answer.map(recordText),
        tried: a.tried.length,
        note: a.note ?? null,
      };
    }),
  };
}
