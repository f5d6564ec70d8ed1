// What the inspector shows of one object, computed from the running cluster: a Service's kube-proxy
// chains on one node with sample packets explained, or a Pod's service environment and DNS answers.
// Small plain objects only, so they cross the worker boundary cheaply.
import { nsName, type Cluster } from "../model/cluster";
import { nodeInternalIPs } from "../model/controllers/kubelet";
import { podResolvConf, resolve, serviceEnv } from "../model/discovery";
import type { DnsRecord } from "../model/discovery";
import { parseIP } from "../model/ip";
import type { Pod, Service } from "../model/k8s";
import { buildRuleSet, explainWithRules, type RuleSet } from "../engine/kubeproxy";
import { joinHostPort } from "../engine/kubeproxy/endpoints";
import type {
  InspectedChain,
  InspectedSample,
  Inspection,
  PodInspection,
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

/** Whether a rule's ServicePortName ("ns/name:port" or "ns/name") belongs to the Service. */
const ofService = (svc: string | undefined, service: string): boolean =>
  svc !== undefined && (svc === service || svc.startsWith(`${service}:`));

/**
 * The Service's rules: those tagged with one of its ports in the shared chains, then every chain they
 * jump to that is its own (KUBE-SVC/SVL/EXT/FW/SEP), followed transitively.
 */
function serviceChains(rs: RuleSet, service: string): InspectedChain[] {
  const out: InspectedChain[] = [];
  const own = new Set<string>();
  for (const table of ["nat", "filter"] as const) {
    for (const [chain, rules] of rs.tables[table]) {
      const lines = rules.filter((r) => ofService(r.svc, service));
      if (lines.length === 0) continue;
      if (rules.every((r) => ofService(r.svc, service))) own.add(`${table}/${chain}`);
      else out.push({ table, chain, lines: lines.map((r) => `-A ${chain} ${r.args.join(" ")}`) });
    }
  }
  // Own chains in the order the jumps reach them.
  const order: InspectedChain[] = [];
  const seen = new Set<string>();
  const visit = (table: "nat" | "filter", chain: string) => {
    const key = `${table}/${chain}`;
    if (seen.has(key) || !own.has(key)) return;
    seen.add(key);
    const rules = rs.tables[table].get(chain) ?? [];
    order.push({ table, chain, lines: rules.map((r) => `-A ${chain} ${r.args.join(" ")}`) });
    for (const r of rules) {
      const j = r.args.indexOf("-j");
      if (j >= 0 && r.args[j + 1]) visit(table, r.args[j + 1]!);
    }
  };
  for (const c of out)
    for (const line of c.lines) {
      const m = / -j (\S+)/.exec(line);
      if (m) visit(c.table, m[1]!);
    }
  for (const key of own) {
    const [table, chain] = key.split("/") as ["nat" | "filter", string];
    visit(table, chain);
  }
  return [...out, ...order];
}

function inspectService(cluster: Cluster, svc: Service, wanted?: string): ServiceInspection {
  const nodes = cluster.nodes.map((n) => n.metadata.name);
  const node = wanted && nodes.includes(wanted) ? wanted : (nodes[0] ?? "");
  const service = nsName(svc);
  const base = { kind: "service" as const, service, node, nodes };
  const nodeObj = cluster.nodes.find((n) => n.metadata.name === node);
  if (!nodeObj || svc.spec.type === "ExternalName") return { ...base, chains: [], samples: [] };
  // kube-proxy programs each of the Service's families; shown is its primary one (the family of
  // spec.clusterIP, spec.ipFamilies[0]), with sample packets of that family.
  const clusterIP = svc.spec.clusterIP;
  const family = parseIP(clusterIP ?? "")?.family ?? 4;
  const ofFamily = (ip: string | undefined): ip is string => parseIP(ip ?? "")?.family === family;
  const rs = buildRuleSet(cluster, node, family);
  const samples: InspectedSample[] = [];
  const sample = (label: string, src: string, dst: string) => {
    try {
      const d = explainWithRules(rs, { src, dst });
      samples.push({
        label,
        src,
        dst,
        action: d.action,
        reason: d.reason,
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
  const client = cluster.config.clients.find((c) => ofFamily(c.ip));
  const nodeIP = nodeInternalIPs(nodeObj).find(ofFamily);
  if (port?.nodePort && client && nodeIP)
    sample(`${client.name} to the NodePort on ${node}`, client.ip, joinHostPort(nodeIP, port.nodePort));
  if (port && ofFamily(clusterIP)) {
    const podIPOf = (p: Pod) => [p.status.podIP, ...(p.status.podIPs ?? []).map((a) => a.ip)].find(ofFamily);
    const local = cluster.pods.find((p) => p.spec.nodeName === node && podIPOf(p));
    const src = (local && podIPOf(local)) ?? nodeIP;
    if (src)
      sample(
        local ? `pod ${local.metadata.name} to the ClusterIP` : `${node} itself to the ClusterIP`,
        src,
        joinHostPort(clusterIP, port.port),
      );
  }
  return { ...base, chains: serviceChains(rs, service), samples };
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
