// The Deployment and ReplicaSet controllers, run to a steady state: a Deployment owns one ReplicaSet
// named <deployment>-<pod-template-hash>, and a ReplicaSet keeps `replicas` pods named <rs>-<suffix>
// (pkg/controller/deployment/sync.go, pkg/controller/replicaset/replica_set.go).
import type { ApiServer } from "../apiserver/apiServer";
import type { FieldError } from "../diagnostics";
import type { Deployment, KubeObject, Pod, ReplicaSet } from "../k8s";
import { MAX_PODS_PER_CLUSTER } from "./capacity";
import { ANNOTATION_REVISION } from "../import/replicaSetsFromPods";
import { nameSuffix, podTemplateHash } from "./names";
import { matchesSelector } from "./selector";

export interface ControllerProblem {
  object: KubeObject;
  errors: FieldError[];
}

/** A ReplicaSet that wants more pods than the cluster's pod cap left room for. */
export interface ReplicasNotCreated {
  replicaSet: ReplicaSet;
  /** Replicas wanted and never made. */
  count: number;
}

const ownedBy = (
  o: { metadata: { ownerReferences?: { kind: string; name: string }[] } },
  kind: string,
  name: string,
) => (o.metadata.ownerReferences ?? []).some((r) => r.kind === kind && r.name === name);

export function syncDeployments(api: ApiServer): ControllerProblem[] {
  const problems: ControllerProblem[] = [];
  for (const d of api.list<Deployment>("Deployment")) {
    if (!d.spec.template?.spec || !d.spec.selector) continue; // validation refuses these; never act on them
    const ns = d.metadata.namespace;
    const owned = api
      .list<ReplicaSet>("ReplicaSet")
      .filter((rs) => rs.metadata.namespace === ns && ownedBy(rs, "Deployment", d.metadata.name));
    if (owned.length) {
      // A finished rollout: the newest ReplicaSet runs the replicas, older revisions are scaled to 0.
      const current = newestRevision(owned);
      for (const rs of owned) rs.spec.replicas = rs === current ? d.spec.replicas : 0;
      continue;
    }
    const hash = podTemplateHash(JSON.stringify(d.spec.template));
    const labels = { ...(d.spec.template.metadata?.labels ?? {}), "pod-template-hash": hash };
    const rs: ReplicaSet = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: ns,
        labels,
        ownerReferences: [
          {
            apiVersion: "apps/v1",
            kind: "Deployment",
            name: d.metadata.name,
            uid: d.metadata.uid,
            controller: true,
          },
        ],
      },
      spec: {
        replicas: d.spec.replicas,
        selector: {
          ...d.spec.selector,
          matchLabels: { ...(d.spec.selector.matchLabels ?? {}), "pod-template-hash": hash },
        },
        template: { ...d.spec.template, metadata: { ...(d.spec.template.metadata ?? {}), labels } },
      },
    };
    const errors = api.create(rs);
    if (errors.length) problems.push({ object: d, errors });
  }
  return problems;
}

/**
 * The ReplicaSet of the Deployment's latest rollout: the highest revision annotation (as
 * deploymentutil.Revision reads it), the last created among equals or when none carries one.
 */
function newestRevision(owned: ReplicaSet[]): ReplicaSet {
  const revision = (rs: ReplicaSet) => Number(rs.metadata.annotations?.[ANNOTATION_REVISION] ?? 0) || 0;
  return owned.reduce((best, rs) => (revision(rs) >= revision(best) ? rs : best));
}

/**
 * Brings every ReplicaSet to its replica count: new pods are appended, surplus ones deleted newest first.
 * No pod is made past MAX_PODS_PER_CLUSTER; the replicas left out are returned, ReplicaSets in order.
 */
export function syncReplicaSets(api: ApiServer): {
  problems: ControllerProblem[];
  notCreated: ReplicasNotCreated[];
} {
  const problems: ControllerProblem[] = [];
  const notCreated: ReplicasNotCreated[] = [];
  let room = MAX_PODS_PER_CLUSTER - api.list<Pod>("Pod").length;
  for (const rs of api.list<ReplicaSet>("ReplicaSet")) {
    if (!rs.spec.template?.spec || !rs.spec.selector) continue;
    const ns = rs.metadata.namespace;
    const pods = api
      .list<Pod>("Pod")
      .filter(
        (p) =>
          p.metadata.namespace === ns &&
          !p.metadata.deletionTimestamp &&
          matchesSelector(rs.spec.selector, p.metadata.labels),
      );
    const want = rs.spec.replicas ?? 1;
    for (const extra of pods.slice(want).reverse()) api.delete(extra);
    room += Math.max(0, pods.length - want);
    const make = Math.max(0, Math.min(want - pods.length, room));
    if (pods.length + make < want) notCreated.push({ replicaSet: rs, count: want - pods.length - make });
    for (let n = pods.length; n < pods.length + make; n++) {
      const suffix = nameSuffix(rs.metadata.name, n, (s) => !!api.get("Pod", ns, `${rs.metadata.name}-${s}`));
      const tmpl = rs.spec.template;
      const pod: Pod = {
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          name: `${rs.metadata.name}-${suffix}`,
          generateName: `${rs.metadata.name}-`,
          namespace: ns,
          labels: { ...(tmpl.metadata?.labels ?? {}) },
          ownerReferences: [
            {
              apiVersion: "apps/v1",
              kind: "ReplicaSet",
              name: rs.metadata.name,
              uid: rs.metadata.uid,
              controller: true,
            },
          ],
        },
        spec: structuredClone(tmpl.spec),
        status: {},
      };
      const errors = api.create(pod);
      if (errors.length) {
        // A pod the template cannot make is the template's fault: point there.
        problems.push({
          object: rs,
          errors: errors.map((e) => ({ ...e, path: e.path.replace(/^spec\./, "spec.template.spec.") })),
        });
        break;
      }
      room--;
    }
  }
  return { problems, notCreated };
}
