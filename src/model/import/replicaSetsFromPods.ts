// `kubectl get nodes,pods,services,endpointslices,deployments` lists the Deployments and their pods but
// not the ReplicaSets in between. Each pod still names its ReplicaSet (ownerReferences, controller) and
// carries its pod-template-hash, and the Deployment controller names a ReplicaSet
// <deployment>-<pod-template-hash> (pkg/controller/deployment/sync.go), so the missing ReplicaSet can be
// put back as the cluster has it. Without it the controllers would make a second set of pods beside the
// listed ones.
import type { Deployment, KubeObject, Pod, ReplicaSet } from "../k8s";

const LABEL_POD_TEMPLATE_HASH = "pod-template-hash";
/** The Deployment controller's revision annotation; on a ReplicaSet it says which rollout made it. */
export const ANNOTATION_REVISION = "deployment.kubernetes.io/revision";

const key = (ns: string | undefined, name: string) => `${ns ?? "default"}/${name}`;

export function replicaSetsFromPods(objects: readonly KubeObject[]): ReplicaSet[] {
  const deployments = new Map<string, Deployment>();
  const listed = new Set<string>();
  for (const o of objects) {
    if (o.kind === "Deployment") deployments.set(key(o.metadata.namespace, o.metadata.name), o);
    else if (o.kind === "ReplicaSet") listed.add(key(o.metadata.namespace, o.metadata.name));
  }
  const made = new Map<string, ReplicaSet>();
  for (const o of objects) {
    if (o.kind !== "Pod") continue;
    const owner = o.metadata.ownerReferences?.find((r) => r.controller && r.kind === "ReplicaSet");
    const hash = o.metadata.labels?.[LABEL_POD_TEMPLATE_HASH];
    if (!owner || !hash || !owner.name.endsWith(`-${hash}`)) continue;
    const rsKey = key(o.metadata.namespace, owner.name);
    if (listed.has(rsKey) || made.has(rsKey)) continue;
    const deployment = deployments.get(key(o.metadata.namespace, owner.name.slice(0, -hash.length - 1)));
    if (deployment?.spec.template?.spec && deployment.spec.selector)
      made.set(rsKey, replicaSetOf(deployment, o, owner.name, owner.uid, hash));
  }
  return [...made.values()];
}

function replicaSetOf(
  d: Deployment,
  pod: Pod,
  name: string,
  uid: string | undefined,
  hash: string,
): ReplicaSet {
  const labels = { ...(d.spec.template.metadata?.labels ?? {}), [LABEL_POD_TEMPLATE_HASH]: hash };
  const revision = d.metadata.annotations?.[ANNOTATION_REVISION];
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name,
      namespace: pod.metadata.namespace,
      ...(uid ? { uid } : {}),
      labels,
      ...(revision ? { annotations: { [ANNOTATION_REVISION]: revision } } : {}),
      ownerReferences: [
        {
          apiVersion: "apps/v1",
          kind: "Deployment",
          name: d.metadata.name,
          ...(d.metadata.uid ? { uid: d.metadata.uid } : {}),
          controller: true,
        },
      ],
    },
    spec: {
      replicas: d.spec.replicas,
      selector: {
        ...d.spec.selector,
        matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [LABEL_POD_TEMPLATE_HASH]: hash },
      },
      template: { ...d.spec.template, metadata: { ...(d.spec.template.metadata ?? {}), labels } },
    },
  };
}
