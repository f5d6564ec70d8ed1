// `--to NAME:PORT`: the name is looked up as the sending pod's resolver would (its search path, the
// cluster DNS). Nodes and outside clients use their own DNS, which knows no cluster names.
import type { Cluster } from "../../model/cluster";
import { resolve } from "../../model/discovery";
import type { Place } from "../network/places";

export function resolveNameFor(cluster: Cluster) {
  return (name: string, source: Place): { ip: string } | { error: string } => {
    if (source.kind !== "pod")
      return {
        error: `"${name}" can only be looked up by a pod: nodes and outside clients use their own DNS, which does not know cluster names; give an IP address`,
      };
    const r = resolve(cluster, source.pod, name, "A");
    const a = r.answer.find((rec) => rec.type === "A");
    if (a && "value" in a) return { ip: String(a.value) };
    const cname = r.answer.find((rec) => rec.type === "CNAME");
    if (cname && "value" in cname)
      return {
        error: `"${name}" is an ExternalName: a CNAME to ${String(cname.value)}, outside the cluster, which Kube Hops does not resolve`,
      };
    return {
      error: `"${name}" does not resolve from ${source.pod.metadata.namespace}/${source.pod.metadata.name} (${r.rcode}; tried ${r.tried.join(", ")})`,
    };
  };
}
