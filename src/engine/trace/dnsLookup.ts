// The lookup before a connection to NAME:PORT: the pod's resolver walks its search path (resolver.ts)
// and each query is a real UDP packet from the pod to the cluster DNS's ClusterIP on port 53, through
// kube-proxy's DNAT to a CoreDNS pod and back, walked like any other packet. A query that gets no
// answer costs the resolver's timeout on each attempt (glibc: 5 s, 2 attempts); one kube-proxy rejects
// (no endpoints: ICMP port unreachable) fails at once. Its random draws come from a stream of their
// own, so the connection draws what a trace to the resolved address would.
import type { Cluster } from "../../model/cluster";
import { queryClusterDns } from "../../model/discovery/clusterDns";
import { clusterDnsServers, sameName } from "../../model/discovery/clusterDnsRecords";
import { podResolvConf } from "../../model/discovery/resolvConf";
import { resolve } from "../../model/discovery/resolver";
import type { DnsRecord } from "../../model/discovery/types";
import { parseIP } from "../../model/ip";
import type { Pod } from "../../model/k8s";
import { DNS_TTL } from "../../model/discovery/clusterDns";
import { createRng, randomInt, type Rng } from "../rng";
import { formatAddress } from "./address";
import type { DnsLookup, NameLookup } from "./dnsTypes";
import type { Trace, TraceRequest } from "./types";

/** How the lookup walks one query packet: trace()'s prepare and walk, with the trace's options. */
export type WalkQuery = (req: TraceRequest, sport: number, rng: Rng) => Trace | null;

/** glibc's defaults (resolv/res_init.c): RES_TIMEOUT 5 s, RES_DFLRETRY 2; capped at 30 s and 5. */
const DEFAULT_TIMEOUT = 5;
const DEFAULT_ATTEMPTS = 2;
const MAX_TIMEOUT = 30;
const MAX_ATTEMPTS = 5;
const DNS_PORT = 53;

/** The seed of the lookups' own random stream: apart from the connection's, derived from the same seed. */
export const dnsSeed = (seed: number): number =>
  (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ 0x64_6e_73) >>> 0;

/** glibc reads `timeout:N` and `attempts:N` from the options line, the last one winning, within its caps. */
export function resolverTiming(options: readonly string[]): { timeout: number; attempts: number } {
  let timeout = DEFAULT_TIMEOUT;
  let attempts = DEFAULT_ATTEMPTS;
  const read = (op: string, name: string) => Number(/^\d+/.exec(op.slice(name.length + 1))?.[0] ?? 0);
  for (const op of options) {
    if (op.startsWith("timeout:")) timeout = Math.min(Math.max(read(op, "timeout"), 1), MAX_TIMEOUT);
    if (op.startsWith("attempts:")) attempts = Math.min(Math.max(read(op, "attempts"), 1), MAX_ATTEMPTS);
  }
  return { timeout, attempts };
}

/**
 * The lookup of `name` by `pod` as packets, or null when the pod's nameserver is not the cluster DNS
 * (dnsPolicy Default or None: no packet the model can follow) or the name does not resolve.
 */
export function lookUpName(
  cluster: Cluster,
  pod: Pod,
  name: string,
  req: TraceRequest,
  walk: WalkQuery,
  rng: Rng = createRng(dnsSeed(req.seed ?? 1)),
): NameLookup | null {
  const conf = podResolvConf(cluster, pod);
  const nameserver = conf.nameservers[0];
  if (!nameserver || !clusterDnsServers(cluster).includes(nameserver)) return null;
  const type = parseIP(pod.status.podIP ?? "")?.family === 6 ? "AAAA" : "A";
  const resolved = resolve(cluster, pod, name, type);
  const timing = resolverTiming(conf.options);
  const wait = timing.timeout * timing.attempts;
  const to = formatAddress({ ip: nameserver, port: DNS_PORT });
  const dns: DnsLookup[] = [];
  for (const query of resolved.tried) {
    const t = walk(
      { from: req.from, to, protocol: "UDP", seed: req.seed },
      randomInt(rng, 32768, 60999),
      rng,
    );
    if (!t) return null;
    const server = t.endpoint ? { pod: t.endpoint.pod, ip: t.endpoint.ip } : null;
    if (t.result === "delivered") {
      const r = queryClusterDns(cluster, query, type);
      dns.push({ query, type, rcode: r.rcode, answer: r.answer, server, result: t.result, hops: t.hops });
      continue;
    }
    const failure = unanswered(query, to, t, timing);
    dns.push({
      query,
      type,
      rcode: null,
      answer: [],
      server,
      result: t.result,
      reason: failure,
      hops: t.hops,
    });
    return {
      ip: null,
      dns,
      wait,
      result: t.result === "rejected" || t.result === "refused" ? t.result : "timeout",
      reason: `the DNS lookup of "${name}" failed before any connection: ${failure}`,
    };
  }
  const address = resolved.answer.find((r) => r.type === type);
  if (address && "value" in address) return { ip: address.value, dns, wait };
  const cname = resolved.answer.find((r) => r.type === "CNAME");
  if (cname && "value" in cname) return viaUpstream(cluster, name, cname.value, dns, wait);
  // Not found: the caller refuses the trace, as the resolver's answer says (resolveName.ts).
  return null;
}

/** Why a query got no answer, and what the resolver then does. */
function unanswered(
  query: string,
  to: string,
  t: Trace,
  { timeout, attempts }: { timeout: number; attempts: number },
): string {
  if (t.result === "rejected" || t.result === "refused")
    return `the query for ${query} to ${to}/UDP was ${t.result} (${t.reason}); the ICMP port unreachable ends the lookup at once, without waiting for the timeout`;
  return `the query for ${query} to ${to}/UDP got no answer (${t.reason}); the resolver waits ${timeout} s and sends it again, ${attempts} attempts in all (resolv.conf options timeout:${timeout} attempts:${attempts}; the retries leave from the same socket, so conntrack takes them to the same CoreDNS pod): after ${timeout * attempts} s it gives up`;
}

/** What the model's upstream resolver answers for an outside name: a ClusterConfig client's address, by its name. */
export const upstreamAddress = (cluster: Cluster, name: string): string | undefined =>
  cluster.config.clients.find((c) => sameName(c.name, name))?.ip;

/**
 * An ExternalName's CNAME points outside the cluster domain: CoreDNS resolves the target through its
 * upstream resolver (the node's resolv.conf) and answers the CNAME and the target's address together.
 * The model's upstream knows no cluster names, only the ClusterConfig's outside clients by name.
 */
function viaUpstream(
  cluster: Cluster,
  name: string,
  target: string,
  dns: DnsLookup[],
  wait: number,
): NameLookup {
  const last = dns[dns.length - 1]!;
  const ip = upstreamAddress(cluster, target);
  if (ip) {
    const record: DnsRecord = { name: target, type: "A", ttl: DNS_TTL, value: ip };
    last.answer = [...last.answer, record];
    last.reason = `CoreDNS resolved the CNAME's target ${target} through its upstream resolver, which Kube Hops models as knowing the ClusterConfig's clients by name (and no cluster names)`;
    return { ip, dns, wait };
  }
  const reason = `"${name}" is an ExternalName: a CNAME to ${target}, outside the cluster. CoreDNS forwards the query for ${target} to its upstream resolver, which Kube Hops does not model (it knows no cluster names, and no outside names but the ClusterConfig's clients), so the address is unknown here; in a real cluster the pod would connect to it directly, leaving the cluster through its node, the CNI masquerading the pod address to the node's`;
  last.reason = reason;
  return { ip: null, dns, wait, result: "no-route", reason };
}
