// The Kubernetes API objects Kube Hops reads, shaped as the API serves them (core/v1, apps/v1,
// discovery.k8s.io/v1), reduced to the fields that matter for Service networking. Field names and
// optionality follow staging/src/k8s.io/api/core/v1/types.go so that `kubectl get -o yaml` output loads.

export type Protocol = "TCP" | "UDP" | "SCTP";
export type IPFamily = "IPv4" | "IPv6";

export interface ObjectMeta {
  name: string;
  namespace?: string;
  generateName?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  ownerReferences?: OwnerReference[];
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid?: string;
  controller?: boolean;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

// ---- Node ----

type NodeAddressType = "Hostname" | "InternalIP" | "ExternalIP" | "InternalDNS" | "ExternalDNS";

interface NodeAddress {
  type: NodeAddressType;
  address: string;
}

export interface NodeCondition {
  type: string;
  status: "True" | "False" | "Unknown";
  reason?: string;
  message?: string;
}

export interface Taint {
  key: string;
  value?: string;
  effect: "NoSchedule" | "PreferNoSchedule" | "NoExecute";
}

export interface Node {
  apiVersion: "v1";
  kind: "Node";
  metadata: ObjectMeta;
  spec: { podCIDR?: string; podCIDRs?: string[]; unschedulable?: boolean; taints?: Taint[] };
  status: {
    addresses?: NodeAddress[];
    conditions?: NodeCondition[];
    /** What the kubelet offers the scheduler; only `pods` is read (a quantity such as "110"). */
    allocatable?: { pods?: string | number };
  };
}

// ---- Pod ----

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: Protocol;
  hostPort?: number;
  hostIP?: string;
}

export interface Container {
  name: string;
  image?: string;
  ports?: ContainerPort[];
}

export interface PodCondition {
  type: string;
  status: "True" | "False" | "Unknown";
}

export interface PodSpec {
  nodeName?: string;
  containers: Container[];
  hostNetwork?: boolean;
  hostname?: string;
  subdomain?: string;
  dnsPolicy?: "ClusterFirst" | "ClusterFirstWithHostNet" | "Default" | "None";
  dnsConfig?: { nameservers?: string[]; searches?: string[]; options?: { name: string; value?: string }[] };
  enableServiceLinks?: boolean;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
}

export interface Toleration {
  key?: string;
  operator?: "Exists" | "Equal";
  value?: string;
  effect?: Taint["effect"];
  tolerationSeconds?: number;
}

interface PodStatus {
  phase?: "Pending" | "Running" | "Succeeded" | "Failed" | "Unknown";
  podIP?: string;
  podIPs?: { ip: string }[];
  hostIP?: string;
  conditions?: PodCondition[];
}

export interface Pod {
  apiVersion: "v1";
  kind: "Pod";
  metadata: ObjectMeta;
  spec: PodSpec;
  status: PodStatus;
}

// ---- Workloads ----

export interface PodTemplateSpec {
  metadata?: Partial<ObjectMeta>;
  spec: PodSpec;
}

export interface ReplicaSet {
  apiVersion: "apps/v1";
  kind: "ReplicaSet";
  metadata: ObjectMeta;
  spec: { replicas?: number; selector: LabelSelector; template: PodTemplateSpec };
}

export interface Deployment {
  apiVersion: "apps/v1";
  kind: "Deployment";
  metadata: ObjectMeta;
  spec: { replicas?: number; selector: LabelSelector; template: PodTemplateSpec };
}

// ---- Service ----

type ServiceType = "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName";
type TrafficPolicy = "Cluster" | "Local";

/** intstr.IntOrString: a number, or the name of a container port. */
type IntOrString = number | string;

export interface ServicePort {
  name?: string;
  protocol?: Protocol;
  appProtocol?: string;
  port: number;
  targetPort?: IntOrString;
  nodePort?: number;
}

interface SessionAffinityConfig {
  clientIP?: { timeoutSeconds?: number };
}

export interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
  ipMode?: "VIP" | "Proxy";
}

export interface ServiceSpec {
  type?: ServiceType;
  selector?: Record<string, string>;
  ports?: ServicePort[];
  clusterIP?: string;
  clusterIPs?: string[];
  ipFamilies?: IPFamily[];
  ipFamilyPolicy?: "SingleStack" | "PreferDualStack" | "RequireDualStack";
  externalIPs?: string[];
  externalName?: string;
  sessionAffinity?: "None" | "ClientIP";
  sessionAffinityConfig?: SessionAffinityConfig;
  loadBalancerIP?: string;
  loadBalancerSourceRanges?: string[];
  loadBalancerClass?: string;
  externalTrafficPolicy?: TrafficPolicy;
  internalTrafficPolicy?: TrafficPolicy;
  healthCheckNodePort?: number;
  publishNotReadyAddresses?: boolean;
  allocateLoadBalancerNodePorts?: boolean;
  trafficDistribution?: string;
}

export interface Service {
  apiVersion: "v1";
  kind: "Service";
  metadata: ObjectMeta;
  spec: ServiceSpec;
  status: { loadBalancer?: { ingress?: LoadBalancerIngress[] } };
}

// ---- Endpoints (v1) and EndpointSlice (discovery.k8s.io/v1) ----

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: { kind?: string; name?: string; namespace?: string };
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol?: Protocol;
  appProtocol?: string;
}

interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

export interface Endpoints {
  apiVersion: "v1";
  kind: "Endpoints";
  metadata: ObjectMeta;
  subsets?: EndpointSubset[];
}

interface EndpointConditions {
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

export interface SliceEndpoint {
  addresses: string[];
  conditions?: EndpointConditions;
  hostname?: string;
  nodeName?: string;
  zone?: string;
  hints?: { forZones?: { name: string }[]; forNodes?: { name: string }[] };
  targetRef?: { kind?: string; name?: string; namespace?: string };
}

export interface EndpointSlice {
  apiVersion: "discovery.k8s.io/v1";
  kind: "EndpointSlice";
  metadata: ObjectMeta;
  addressType: "IPv4" | "IPv6" | "FQDN";
  endpoints: SliceEndpoint[];
  ports?: (Omit<EndpointPort, "port"> & { port?: number })[];
}

/** The label an EndpointSlice carries to name its Service (discovery.k8s.io/service-name). */
export const LABEL_SERVICE_NAME = "kubernetes.io/service-name";
export const LABEL_MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
export const LABEL_ZONE = "topology.kubernetes.io/zone";

export type KubeObject = Node | Pod | Deployment | ReplicaSet | Service | Endpoints | EndpointSlice;
