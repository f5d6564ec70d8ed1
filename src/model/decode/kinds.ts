// The schema of every kind Kube Hops reads, after staging/src/k8s.io/api (core/v1, apps/v1, discovery/v1).
// Service and EndpointSlice are checked strictly (every field of theirs is modelled, so a typo is caught);
// Pod and the workloads loosely (a real pod spec has far more fields than networking needs).
import { any, bool, int32, intOrString, list, loose, type Schema, str, strict, stringMap } from "./schema";

const objectMeta = loose({
  name: str,
  generateName: str,
  namespace: str,
  uid: str,
  labels: stringMap,
  annotations: stringMap,
  creationTimestamp: str,
  deletionTimestamp: str,
  ownerReferences: list(loose({ apiVersion: str, kind: str, name: str, uid: str, controller: bool })),
});

const labelSelector = strict({
  matchLabels: stringMap,
  matchExpressions: list(strict({ key: str, operator: str, values: list(str) })),
});

const containerPort = strict({
  name: str,
  containerPort: int32,
  protocol: str,
  hostPort: int32,
  hostIP: str,
});

const podSpec = loose({
  nodeName: str,
  containers: list(loose({ name: str, image: str, ports: list(containerPort) })),
  initContainers: list(loose({ name: str, image: str, ports: list(containerPort) })),
  hostNetwork: bool,
  hostname: str,
  subdomain: str,
  dnsPolicy: str,
  dnsConfig: strict({
    nameservers: list(str),
    searches: list(str),
    options: list(strict({ name: str, value: str })),
  }),
  enableServiceLinks: bool,
  nodeSelector: stringMap,
  tolerations: list(strict({ key: str, operator: str, value: str, effect: str, tolerationSeconds: int32 })),
});

const podTemplate = loose({ metadata: objectMeta, spec: podSpec });

const workload = loose({
  apiVersion: str,
  kind: str,
  metadata: objectMeta,
  spec: loose({ replicas: int32, selector: labelSelector, template: podTemplate }),
});

const servicePort = strict({
  name: str,
  protocol: str,
  appProtocol: str,
  port: int32,
  targetPort: intOrString,
  nodePort: int32,
});

const serviceSpec = strict({
  type: str,
  selector: stringMap,
  ports: list(servicePort),
  clusterIP: str,
  clusterIPs: list(str),
  ipFamilies: list(str),
  ipFamilyPolicy: str,
  externalIPs: list(str),
  externalName: str,
  sessionAffinity: str,
  sessionAffinityConfig: strict({ clientIP: strict({ timeoutSeconds: int32 }) }),
  loadBalancerIP: str,
  loadBalancerSourceRanges: list(str),
  loadBalancerClass: str,
  externalTrafficPolicy: str,
  internalTrafficPolicy: str,
  healthCheckNodePort: int32,
  publishNotReadyAddresses: bool,
  allocateLoadBalancerNodePorts: bool,
  trafficDistribution: str,
});

const portStatus = loose({ port: int32, protocol: str, error: str });
const serviceStatus = loose({
  loadBalancer: loose({
    ingress: list(strict({ ip: str, hostname: str, ipMode: str, ports: list(portStatus) })),
  }),
  conditions: list(any),
});

const nodeSchema = loose({
  metadata: objectMeta,
  spec: loose({
    podCIDR: str,
    podCIDRs: list(str),
    unschedulable: bool,
    taints: list(loose({ key: str, value: str, effect: str })),
  }),
  status: loose({
    addresses: list(strict({ type: str, address: str })),
    conditions: list(loose({ type: str, status: str, reason: str, message: str })),
  }),
});

const podSchema = loose({
  metadata: objectMeta,
  spec: podSpec,
  status: loose({
    phase: str,
    podIP: str,
    podIPs: list(strict({ ip: str })),
    hostIP: str,
    conditions: list(loose({ type: str, status: str })),
  }),
});

const endpointRef = loose({ kind: str, name: str, namespace: str });
const endpointPort = strict({ name: str, port: int32, protocol: str, appProtocol: str });

const endpointsSchema = loose({
  metadata: objectMeta,
  subsets: list(
    strict({
      addresses: list(strict({ ip: str, hostname: str, nodeName: str, targetRef: endpointRef })),
      notReadyAddresses: list(strict({ ip: str, hostname: str, nodeName: str, targetRef: endpointRef })),
      ports: list(endpointPort),
    }),
  ),
});

const endpointSliceSchema = loose({
  metadata: objectMeta,
  addressType: str,
  endpoints: list(
    strict({
      addresses: list(str),
      conditions: strict({ ready: bool, serving: bool, terminating: bool }),
      hostname: str,
      nodeName: str,
      zone: str,
      hints: strict({ forZones: list(strict({ name: str })), forNodes: list(strict({ name: str })) }),
      targetRef: endpointRef,
      deprecatedTopology: stringMap,
    }),
  ),
  ports: list(endpointPort),
});

const clusterConfigSchema = loose({
  metadata: loose({ name: str }),
  spec: strict({
    podCIDR: str,
    serviceCIDR: str,
    nodePortRange: str,
    clusterDomain: str,
    loadBalancerIPPool: str,
    loadBalancerMode: str,
    kubeProxy: strict({
      mode: str,
      clusterCIDR: str,
      masqueradeAll: bool,
      localhostNodePorts: bool,
      nodePortAddresses: list(str),
    }),
    clients: list(strict({ name: str, ip: str })),
    routes: list(strict({ destination: str, via: str })),
    latency: any,
    timing: any,
  }),
});

interface KindInfo {
  apiVersion: string;
  schema: Schema;
  namespaced: boolean;
}

/** Every kind read, by kind name. */
export const KINDS: Record<string, KindInfo> = {
  Node: { apiVersion: "v1", schema: nodeSchema, namespaced: false },
  Pod: { apiVersion: "v1", schema: podSchema, namespaced: true },
  Service: {
    apiVersion: "v1",
    schema: loose({ metadata: objectMeta, spec: serviceSpec, status: serviceStatus }),
    namespaced: true,
  },
  Endpoints: { apiVersion: "v1", schema: endpointsSchema, namespaced: true },
  EndpointSlice: { apiVersion: "discovery.k8s.io/v1", schema: endpointSliceSchema, namespaced: true },
  Deployment: { apiVersion: "apps/v1", schema: workload, namespaced: true },
  ReplicaSet: { apiVersion: "apps/v1", schema: workload, namespaced: true },
  ClusterConfig: { apiVersion: "kubehops.dev/v1alpha1", schema: clusterConfigSchema, namespaced: false },
};

/** The kind's entry; undefined for any other name, "__proto__" and "constructor" included. */
export const kindInfo = (kind: string): KindInfo | undefined =>
  Object.hasOwn(KINDS, kind) ? KINDS[kind] : undefined;

/** Kinds a real cluster has that do not change Service networking: read, named, and left aside. */
export const IGNORED_KINDS = new Set([
  "Namespace",
  "ConfigMap",
  "Secret",
  "ServiceAccount",
  "Role",
  "RoleBinding",
  "ClusterRole",
  "ClusterRoleBinding",
  "Ingress",
  "IngressClass",
  "NetworkPolicy",
  "StatefulSet",
  "DaemonSet",
  "Job",
  "CronJob",
  "HorizontalPodAutoscaler",
  "PodDisruptionBudget",
  "PersistentVolumeClaim",
  "PersistentVolume",
  "StorageClass",
  "CustomResourceDefinition",
]);

/**
 * Built-in kinds without a namespace besides the cluster-scoped ones in KINDS (`kubectl api-resources
 * --namespaced=false` on 1.34). Any other kind, a custom resource included, is taken as namespaced.
 */
const CLUSTER_SCOPED_KINDS = new Set([
  "APIService",
  "CertificateSigningRequest",
  "ClusterRole",
  "ClusterRoleBinding",
  "ClusterTrustBundle",
  "ComponentStatus",
  "CSIDriver",
  "CSINode",
  "CustomResourceDefinition",
  "DeviceClass",
  "FlowSchema",
  "IngressClass",
  "IPAddress",
  "MutatingAdmissionPolicy",
  "MutatingAdmissionPolicyBinding",
  "MutatingWebhookConfiguration",
  "Namespace",
  "PersistentVolume",
  "PriorityClass",
  "PriorityLevelConfiguration",
  "ResourceSlice",
  "RuntimeClass",
  "ServiceCIDR",
  "StorageClass",
  "StorageVersionMigration",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "ValidatingWebhookConfiguration",
  "VolumeAttachment",
  "VolumeAttributesClass",
]);

/**
 * How diagnostics (and kubectl) name an object: `Kind/namespace/name`, the namespace "default" when
 * none is given, or `Kind/name` for a cluster-scoped kind (just `Kind` for a nameless one, such as the
 * ClusterConfig).
 */
export function objectName(kind: string, namespace: string | undefined, name: string): string {
  if (kindInfo(kind)?.namespaced === false || CLUSTER_SCOPED_KINDS.has(kind))
    return name ? `${kind}/${name}` : kind;
  return `${kind}/${namespace ?? "default"}/${name}`;
}
