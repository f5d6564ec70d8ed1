// podutil.FindPort (pkg/api/v1/pod/util.go): a Service's targetPort resolved for one pod. A number is
// used as it is; a name is looked up among the pod's container ports with the same protocol
// (restartable init containers, i.e. sidecars, included).
import type { Pod, ServicePort } from "../k8s";

export function findPort(pod: Pod, sp: ServicePort): number | null {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === "number") return target;
  const proto = sp.protocol ?? "TCP";
  for (const c of pod.spec.containers ?? [])
    for (const p of c.ports ?? [])
      if (p.name === target && (p.protocol ?? "TCP") === proto) return p.containerPort;
  return null;
}
