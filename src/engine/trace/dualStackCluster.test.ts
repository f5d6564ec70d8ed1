// A dual-stack cluster end to end: pod CIDRs per family on every node, pods with an address of each
// family, EndpointSlices per address type, and traces over either family that rewrite to that family's
// addresses (the node's IPv6 InternalIP for an IPv6 masquerade, the pod's IPv6 address as a source).
import { describe, expect, it } from "vitest";
import { load } from "../../model/testing";
import { mustSucceed } from "../result";
import { trace } from "./trace";

const node = (name: string, i: number) => `---
apiVersion: v1
kind: Node
metadata: {name: ${name}}
status:
  addresses: [{type: InternalIP, address: 192.168.1.${i}}, {type: InternalIP, address: "fd00:1::${i}"}]
`;
const { cluster, diagnostics } = load(`apiVersion: kubehops.dev/v1alpha1
kind: ClusterConfig
spec:
  podCIDR: 10.244.0.0/16,fd00:10:244::/56
  serviceCIDR: 10.96.0.0/12,fd00:10:96::/112
  clients: [{name: laptop, ip: 192.168.1.10}, {name: laptop6, ip: "fd00:1::10"}]
${node("node-1", 2)}${node("node-2", 3)}---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  ipFamilyPolicy: PreferDualStack
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080, nodePort: 30080}]
`);
const web = cluster.services.find((s) => s.metadata.name === "web")!;
const pods = cluster.pods.filter((p) => p.metadata.labels?.app === "web");

describe("a dual-stack cluster", () => {
  it("loads without errors and gives each node a pod CIDR of each family", () => {
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(cluster.nodes.map((n) => n.spec.podCIDRs)).toEqual([
      ["10.244.0.0/24", "fd00:10:244::/64"],
      ["10.244.1.0/24", "fd00:10:244:1::/64"],
    ]);
  });

  it("gives each pod an address of each family, the first family's first", () => {
    for (const p of pods) {
      expect(p.status.podIPs!.map((x) => x.ip)).toHaveLength(2);
      expect(p.status.podIP).toMatch(/^10\.244\./);
      expect(p.status.podIPs![1]!.ip).toMatch(/^fd00:10:244:/);
    }
  });

  it("has a ClusterIP of each family and EndpointSlices for each address type", () => {
    expect(web.spec.ipFamilies).toEqual(["IPv4", "IPv6"]);
    const slices = cluster.endpointSlices.filter(
      (s) => s.metadata.labels?.["kubernetes.io/service-name"] === "web",
    );
    expect(slices.map((s) => s.addressType)).toEqual(["IPv4", "IPv6"]);
    expect(slices[1]!.endpoints.map((e) => e.addresses[0]).sort()).toEqual(
      pods.map((p) => p.status.podIPs![1]!.ip).sort(),
    );
  });

  it("delivers an IPv6 client's request to a node's IPv6 NodePort, masqueraded to that node's IPv6 address", () => {
    const t = mustSucceed(trace(cluster, { from: "client:laptop6", to: "[fd00:1::2]:30080", seed: 4 }));
    expect(t.result).toBe("delivered");
    expect(t.endpoint!.ip).toMatch(/^fd00:10:244:/);
    expect(t.sourceSeenByPod).toMatch(/^fd00:/);
  });

  it("finds a node by an IPv6 address written another way (uppercase, zeros spelled out)", () => {
    const t = mustSucceed(trace(cluster, { from: "ip:FD00:1:0::3", to: "[FD00:1::0:2]:30080", seed: 4 }));
    expect([t.result, t.hops[0]!.at, t.hops[1]!.at]).toEqual(["delivered", "node:node-2", "node:node-1"]);
  });

  it("sends a pod's request to the IPv6 ClusterIP from the pod's IPv6 address", () => {
    const v6 = web.spec.clusterIPs![1]!;
    const pod = pods[0]!;
    const t = mustSucceed(
      trace(cluster, { from: `pod:default/${pod.metadata.name}`, to: `[${v6}]:80`, seed: 2 }),
    );
    expect(t.result).toBe("delivered");
    expect(t.hops[0]!.src).toBe(`[${pod.status.podIPs![1]!.ip}]:${t.hops[0]!.src.split("]:")[1]}`);
  });
});
