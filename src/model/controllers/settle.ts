// The controllers run to a steady state over what the API server holds: workloads make pods, the
// scheduler binds them, kubelets start them, and the EndpointSlice (and mirroring) controllers list
// them. Run again after any change: every step is idempotent, derived slices are rebuilt.
import type { ApiServer } from "../apiserver/apiServer";
import type { Cluster, ObjectSource } from "../cluster";
import type { Deployment, EndpointSlice, Endpoints, Node, Pod, ReplicaSet, Service } from "../k8s";
import { syncEndpointSlices } from "./endpointSlices";
import { mirrorEndpoints } from "./endpointSliceMirroring";
import { runKubelets } from "./kubelet";
import { schedulePods } from "./scheduler";
import {
  type ControllerProblem,
  type ReplicasNotCreated,
  syncDeployments,
  syncReplicaSets,
} from "./workloads";

interface SettleOptions {
  /** Whether a newly started pod is Ready at once (a static load) or waits for the caller to say so. */
  podsStartReady?: boolean;
  /** The slices of the last settle: the controller leaves those of a Service it no longer manages. */
  previousSlices?: readonly EndpointSlice[];
}

export interface SettleResult {
  cluster: Cluster;
  problems: ControllerProblem[];
  /** Pods that fit on no node, with the scheduler's FailedScheduling message. */
  unschedulable: Map<Pod, string>;
  /** Pods bound to a node that had no IP for them, with the CNI's error. */
  noAddress: Map<Pod, string>;
  /** Replicas the cluster's pod cap kept the ReplicaSet controller from creating. */
  notCreated: ReplicasNotCreated[];
}

export function settle(
  api: ApiServer,
  sources: Map<string, ObjectSource>,
  opts: SettleOptions = {},
): SettleResult {
  const deploymentProblems = syncDeployments(api);
  const replicaSets = syncReplicaSets(api);
  const problems = [...deploymentProblems, ...replicaSets.problems];
  const nodes = api.list<Node>("Node");
  const pods = api.list<Pod>("Pod");
  const unschedulable = schedulePods(pods, nodes);
  const noAddress = runKubelets(pods, nodes, opts.podsStartReady ?? true);
  const cluster: Cluster = {
    config: api.config,
    nodes,
    pods,
    deployments: api.list<Deployment>("Deployment"),
    replicaSets: api.list<ReplicaSet>("ReplicaSet"),
    services: api.list<Service>("Service"),
    endpoints: api.list<Endpoints>("Endpoints"),
    endpointSlices: api.list<EndpointSlice>("EndpointSlice"),
    created: api.created,
    sources,
  };
  const taken = new Set(cluster.endpointSlices.map((s) => `${s.metadata.namespace}/${s.metadata.name}`));
  cluster.endpointSlices.push(
    ...mirrorEndpoints(cluster, (n) => taken.has(n)),
    ...syncEndpointSlices(cluster, opts.previousSlices),
  );
  return { cluster, problems, unschedulable, noAddress, notCreated: replicaSets.notCreated };
}
