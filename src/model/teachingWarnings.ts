// Warnings a real cluster would not print but a student needs: the mistakes that make a Service
// silently useless (a selector that selects nothing, a targetPort that no selected container declares).
import type { Cluster } from "./cluster";
import { objectKey } from "./cluster";
import { findPort } from "./controllers/findPort";
import { matchesMap } from "./controllers/selector";
import type { FieldError } from "./diagnostics";
import { warning } from "./field";
import { LABEL_SERVICE_NAME } from "./k8s";

interface TeachingWarning {
  object: string;
  error: FieldError;
}

export function teachingWarnings(cluster: Cluster): TeachingWarning[] {
  const out: TeachingWarning[] = [];
  for (const svc of cluster.services) {
    const key = objectKey(svc);
    const ns = svc.metadata.namespace ?? "default";
    const sel = svc.spec.selector;
    if (svc.spec.type === "ExternalName" || svc.metadata.name === "kubernetes") continue;
    if (!sel) {
      const hasEndpoints = cluster.endpointSlices.some(
        (s) => s.metadata.namespace === ns && s.metadata.labels?.[LABEL_SERVICE_NAME] === svc.metadata.name,
      );
      if (!hasEndpoints)
        out.push({
          object: key,
          error: warning(
            "spec.selector",
            "this Service has no selector and no Endpoints or EndpointSlice names it, so it has no endpoints: add a selector, or an EndpointSlice labelled kubernetes.io/service-name: " +
              svc.metadata.name,
          ),
        });
      continue;
    }
    const selected = cluster.pods.filter(
      (p) => p.metadata.namespace === ns && matchesMap(sel, p.metadata.labels),
    );
    if (!selected.length) {
      const elsewhere = cluster.pods.find((p) => matchesMap(sel, p.metadata.labels));
      const hint = elsewhere
        ? ` (pod ${elsewhere.metadata.namespace}/${elsewhere.metadata.name} matches, but a Service only selects pods in its own namespace, ${ns})`
        : "; check the labels in the pods' template";
      out.push({
        object: key,
        error: warning("spec.selector", `selector ${selectorText(sel)} matches no pod${hint}`),
      });
      continue;
    }
    (svc.spec.ports ?? []).forEach((sp, i) => {
      const target = sp.targetPort ?? sp.port;
      if (typeof target === "string") {
        if (selected.every((p) => findPort(p, sp) === null))
          out.push({
            object: key,
            error: warning(
              `spec.ports[${i}].targetPort`,
              `no selected pod has a container port named "${target}" (${sp.protocol ?? "TCP"}), so this port has no endpoints`,
            ),
          });
        return;
      }
      const declared = selected.some((p) =>
        (p.spec.containers ?? []).some((c) =>
          (c.ports ?? []).some(
            (cp) => cp.containerPort === target && (cp.protocol ?? "TCP") === (sp.protocol ?? "TCP"),
          ),
        ),
      );
      const declaresAny = selected.some((p) =>
        (p.spec.containers ?? []).some((c) => (c.ports ?? []).length > 0),
      );
      if (!declared && declaresAny)
        out.push({
          object: key,
          error: warning(
            `spec.ports[${i}].targetPort`,
            `targetPort ${target} is not a containerPort of any selected pod: connections will be refused unless the container listens there`,
          ),
        });
    });
  }
  for (const ep of cluster.endpoints) {
    const svc = cluster.services.find(
      (s) => s.metadata.namespace === ep.metadata.namespace && s.metadata.name === ep.metadata.name,
    );
    if (svc?.spec.selector)
      out.push({
        object: objectKey(ep),
        error: warning(
          "",
          `Service ${ep.metadata.name} has a selector, so its endpoints come from the selected pods; these hand-made Endpoints are ignored`,
        ),
      });
  }
  return out;
}

const selectorText = (sel: Record<string, string>) =>
  Object.entries(sel)
    .map(([k, v]) => `${k}=${v}`)
    .join(",") || "{}";
