// Helpers for tests: load YAML text, find objects by name.
import { isClusterDnsObject } from "./discovery/coreDnsAddon";
import type { KubeObject } from "./k8s";
import { loadManifests } from "./load";

export function load(yaml: string) {
  return loadManifests([{ file: "test.yaml", text: yaml }]);
}

export const NODES_2 = `
apiVersion: v1
kind: Node
metadata: {name: a, labels: {topology.kubernetes.io/zone: z1}}
status: {addresses: [{type: InternalIP, address: 10.0.0.1}]}
---
apiVersion: v1
kind: Node
metadata: {name: b, labels: {topology.kubernetes.io/zone: z2}}
status: {addresses: [{type: InternalIP, address: 10.0.0.2}]}
`;

export const webDeployment = (replicas: number, extra = "") => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
        ports: [{name: http, containerPort: 8080}]${extra}
`;

/** The objects of a list that are not the cluster DNS kubeadm adds (kube-system/kube-dns, coredns). */
export const userObjects = <T extends KubeObject>(objects: readonly T[]): T[] =>
  objects.filter((o) => !isClusterDnsObject(o));
