// `--to NAME:PORT` for IPv6: a Service with no IPv4 ClusterIP (an IPv6 Service, or any Service of an
// IPv6 cluster) has only an AAAA record, which the resolver asks for when there is no A record.
import { describe, expect, it } from "vitest";
import { load } from "../../model/testing";
import { mustSucceed } from "../result";
import { resolveNameFor } from "./resolveName";
import { trace } from "./trace";

const cluster = (podCIDR: string, serviceCIDR: string, nodeIPs: string, families: string) =>
  load(`apiVersion: kubehops.dev/v1alpha1
kind: ClusterConfig
spec: {podCIDR: "${podCIDR}", serviceCIDR: "${serviceCIDR}"}
---
apiVersion: v1
kind: Node
metadata: {name: node-1}
status: {addresses: [${nodeIPs}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec: {nodeName: node-1, containers: [{name: c, image: curl}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec: {nodeName: node-1, containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  ipFamilies: [${families}]
  ipFamilyPolicy: ${families.includes(",") ? "PreferDualStack" : "SingleStack"}
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`).cluster;

const byName = (c: ReturnType<typeof cluster>, to: string) =>
  mustSucceed(trace(c, { from: "pod:client", to }, { resolveName: resolveNameFor(c) }));

describe("a Service name from a pod, over IPv6", () => {
  it("reaches a Service of an IPv6 cluster through its AAAA record", () => {
    const c = cluster(
      "fd00:10:244::/56",
      "fd00:10:96::/112",
      '{type: InternalIP, address: "2001:db8::2"}',
      "IPv6",
    );
    const t = byName(c, "web:80");
    expect([t.result, t.hops[0]!.dst]).toEqual(["delivered", `[${c.services[1]!.spec.clusterIP}]:80`]);
  });
  it("reaches an IPv6 Service of a dual-stack cluster from the pod's IPv6 address", () => {
    const c = cluster(
      "10.244.0.0/16,fd00:10:244::/56",
      "10.96.0.0/12,fd00:10:96::/112",
      '{type: InternalIP, address: 192.168.1.2}, {type: InternalIP, address: "2001:db8::2"}',
      "IPv6",
    );
    const t = byName(c, "web.default.svc.cluster.local:80");
    expect(t.result).toBe("delivered");
    expect(t.hops[0]!.src).toMatch(/^\[fd00:10:244::/);
  });
  it("still takes the A record of a dual-stack Service", () => {
    const c = cluster(
      "10.244.0.0/16,fd00:10:244::/56",
      "10.96.0.0/12,fd00:10:96::/112",
      '{type: InternalIP, address: 192.168.1.2}, {type: InternalIP, address: "2001:db8::2"}',
      "IPv4, IPv6",
    );
    expect(byName(c, "web:80").hops[0]!.dst).toMatch(/^10\.\d+\.\d+\.\d+:80$/);
  });
});
