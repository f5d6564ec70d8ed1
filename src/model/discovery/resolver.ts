// A pod's stub resolver (glibc's res_nsearch, resolv/res_query.c) walking its resolv.conf search
// path against the nameserver kubelet gave it.
import { nsName, type Cluster } from "../cluster";
import type { Pod } from "../k8s";
import { clusterDnsServers, queryClusterDns } from "./clusterDns";
import { podResolvConf } from "./resolvConf";
import type { DnsResponse, HostResolvConf, QueryType, Rcode, ResolveAnswer } from "./types";

/** glibc's nameserver when resolv.conf names none. */
const DEFAULT_NAMESERVER = "127.0.0.1";

const answered = (r: DnsResponse): boolean => r.rcode === "NOERROR" && r.answer.length > 0;

/**
 * What the pod's resolver gets for `name`. Like glibc: a name with at least ndots dots, or with a
 * trailing dot, is tried as it is first (a trailing dot: only that); otherwise each search domain in
 * turn, then the name as it is (unless already tried, or the root is on the search list). The walk
 * stops at the first NOERROR answer with records. On failure the rcode is glibc's h_errno: the first
 * as-is try's, else NOERROR (NODATA) if any try found the name without records, else the last try's.
 *
 * Only the cluster DNS is modelled: a nameserver that is not it answers nothing (NXDOMAIN, with a
 * note). glibc only moves to the next nameserver on timeouts or server failures, which never happen
 * here, so only the first nameserver is asked.
 */
export function resolve(
  cluster: Cluster,
  pod: Pod,
  name: string,
  type: QueryType = "A",
  host?: HostResolvConf,
): ResolveAnswer {
  const conf = podResolvConf(cluster, pod, host);
  const nameserver = conf.nameservers[0] ?? DEFAULT_NAMESERVER;
  const isClusterDns = clusterDnsServers(cluster).includes(nameserver);
  const tried: string[] = [];
  const ask = (fqdn: string): DnsResponse => {
    tried.push(fqdn);
    if (isClusterDns) return queryClusterDns(cluster, fqdn, type);
    return {
      rcode: "NXDOMAIN",
      answer: [],
      note: `nameserver ${nameserver} is not the cluster DNS; the playground models no other DNS server`,
    };
  };
  const result = (r: DnsResponse, rcode: Rcode = r.rcode): ResolveAnswer => {
    const out: ResolveAnswer = {
      pod: nsName(pod),
      name,
      nameserver,
      search: conf.searches,
      ndots: conf.ndots,
      tried,
      rcode,
      answer: r.answer, // empty whenever the walk failed
    };
    if (r.note !== undefined) out.note = r.note;
    return out;
  };

  const trailingDot = name.endsWith(".");
  const dots = name.split(".").length - 1;
  const bare = trailingDot ? name.slice(0, -1) : name;
  let savedRcode: Rcode | undefined;
  let last: DnsResponse | undefined;

  if (dots >= conf.ndots || trailingDot) {
    last = ask(`${bare}.`);
    if (answered(last) || trailingDot) return result(last);
    savedRcode = last.rcode;
  }

  let gotNodata = false;
  let rootOnList = false;
  for (const domain of conf.searches) {
    const d = domain.startsWith(".") ? domain.slice(1) : domain;
    if (d === "") rootOnList = true;
    last = ask(d === "" ? `${bare}.` : `${bare}.${d.endsWith(".") ? d : `${d}.`}`);
    if (answered(last)) return result(last);
    if (last.rcode === "NOERROR") gotNodata = true;
  }

  if (savedRcode === undefined && !rootOnList) {
    last = ask(`${bare}.`);
    if (answered(last)) return result(last);
  }

  // `last` is always set: with no search domains the as-is query above ran.
  const final = last!;
  return result(final, savedRcode ?? (gotNodata ? "NOERROR" : final.rcode));
}
