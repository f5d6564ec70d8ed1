// The data each kind of graph node carries, and the React Flow node/edge unions built from them.
import type { Edge, Node } from "@xyflow/react";
import type { LoadBalancerDelivery } from "../protocol/messages";

interface K8sNodeData extends Record<string, unknown> {
  name: string;
  ip: string;
  zone: string | null;
  up: boolean;
  ready: boolean;
  /** Pods drawn in the box. */
  pods: number;
  /** The box folded: how many pods it stands for, and how many of them are not ready. */
  folded: { pods: number; notReady: number } | null;
  /** Its kube-system pods not drawn (all namespaces shown): CoreDNS, say. */
  systemPods: number;
  /** Ids of the pods folded into the box, and of its kube-system pods not drawn: packets to them go to the box. */
  foldedPodIds: string[];
}

interface PodData extends Record<string, unknown> {
  /** namespace/name */
  name: string;
  ip: string | null;
  ready: boolean;
  terminating: boolean;
  phase: string;
  owner: string | null;
  /** The node it runs on is down. */
  nodeDown: boolean;
}

interface ServiceData extends Record<string, unknown> {
  name: string;
  type: string;
  clusterIP: string | null;
  ports: { name: string | null; protocol: string; port: number; nodePort: number | null }[];
  externalTrafficPolicy: string | null;
  internalTrafficPolicy: string | null;
  sessionAffinity: string;
  externalName: string | null;
  /** Ready endpoints and all endpoints; null when the Service selects nothing by design (ExternalName). */
  ready: number | null;
  total: number | null;
}

interface ClientData extends Record<string, unknown> {
  name: string;
  ip: string;
}

interface LbData extends Record<string, unknown> {
  service: string;
  ips: string[];
  mode: LoadBalancerDelivery | null;
}

/** The node network's bar carries no data: its label is words, put in by the view. */
type BusData = Record<string, never>;

export type K8sNodeNode = Node<K8sNodeData, "k8sNode">;
export type PodNode = Node<PodData, "pod">;
export type ServiceNode = Node<ServiceData, "service">;
export type ClientNode = Node<ClientData, "client">;
export type LbNode = Node<LbData, "lb">;
export type BusNode = Node<BusData, "bus">;
export type GraphNode = K8sNodeNode | PodNode | ServiceNode | ClientNode | LbNode | BusNode;

interface EndpointEdgeData extends Record<string, unknown> {
  state: "ready" | "serving" | "notReady";
  highlighted: boolean;
}
export type TapEdge = Edge<Record<string, never>, "tap">;
export type EndpointEdge = Edge<EndpointEdgeData, "endpoint">;
export type GraphEdge = TapEdge | EndpointEdge;
