// `--to NAME:PORT`: the name is looked up as the sending pod's resolver would (its search path, the
// cluster DNS). Nodes and outside clients use their own DNS, which knows no cluster names.
import type { Cluster } from "../../model/cluster";
import { resolve } from "../../model/discovery";
import type { Place } from "../network/places";
import { refuse } from "../refusals";
import { fail, ok, type Result } from "../result";
import { lookUpName, upstreamAddress, type WalkQuery } from "./dnsLookup";
import type { NameLookup } from "./dnsTypes";
import type { TraceRequest } from "./types";

export function resolveNameFor(cluster: Cluster) {
  return (name: string, source: Place): Result<string> => {
    if (source.kind !== "pod") return fail(refuse.nameNeedsPod(name));
    const r = resolve(cluster, source.pod, name, "A");
    const a = r.answer.find((rec) => rec.type === "A");
    if (a && "value" in a) return ok(String(a.value));
    const cname = r.answer.find((rec) => rec.type === "CNAME");
    // CoreDNS resolves an outside CNAME target upstream: the model's upstream knows the clients by name.
    const outside = cname && "value" in cname ? upstreamAddress(cluster, cname.value) : undefined;
    if (outside) return ok(outside);
    if (cname && "value" in cname) return fail(refuse.nameExternal(name, String(cname.value)));
    // getaddrinfo asks for AAAA too: an IPv6 Service (or any Service of an IPv6 cluster) has only that.
    const aaaa = resolve(cluster, source.pod, name, "AAAA").answer.find((rec) => rec.type === "AAAA");
    if (aaaa && "value" in aaaa) return ok(String(aaaa.value));
    const pod = `${source.pod.metadata.namespace}/${source.pod.metadata.name}`;
    return fail(refuse.nameNotFound(name, pod, `${r.rcode}; tried ${r.tried.join(", ")}`));
  };
}

/** The lookup as packets to the cluster DNS (dnsLookup.ts), for a pod; null leaves it to resolveNameFor. */
export function lookUpNameFor(cluster: Cluster) {
  return (name: string, source: Place, req: TraceRequest, walk: WalkQuery): NameLookup | null =>
    source.kind === "pod" ? lookUpName(cluster, source.pod, name, req, walk) : null;
}
