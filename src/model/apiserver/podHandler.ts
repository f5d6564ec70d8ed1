// Pod defaults (pkg/apis/core/v1/defaults.go: SetDefaults_PodSpec, SetDefaults_ContainerPort); IPs and
// status come later from the scheduler and kubelet (src/model/controllers).
import type { Pod } from "../k8s";
import type { KindHandler } from "./kindHandlers";
import { validatePod } from "./validators";

export function podHandler(): KindHandler<Pod> {
  return {
    namespaced: true,
    setDefaults(p) {
      p.spec.containers ??= [];
      p.spec.dnsPolicy ??= "ClusterFirst";
      p.spec.enableServiceLinks ??= true;
      for (const c of p.spec.containers) for (const port of c.ports ?? []) port.protocol ??= "TCP";
      p.status ??= {};
    },
    validate: (p) => validatePod(p),
  };
}
