// The inspector shows a Service's rules in its primary IP family (it showed the IPv4 table whatever the
// Service: nothing for an IPv6 one), with sample packets of that family.
import { describe, expect, it } from "vitest";
import { loadManifests } from "../model/load";
import type { ServiceInspection } from "../protocol/messages";
import { inspect } from "./inspect";

const CLUSTER = `apiVersion: kubehops.dev/v1alpha1
kind: ClusterConfig
spec:
  podCIDR: 10.244.0.0/16,fd00:10:244::/56
  serviceCIDR: 10.96.0.0/12,fd00:10:96::/112
  kubeProxy: {clusterCIDR: "10.244.0.0/16,fd00:10:244::/56"}
  clients: [{name: laptop, ip: 192.168.1.10}, {name: laptop6, ip: "2001:db8:ff::10"}]
---
apiVersion: v1
kind: Node
metadata: {name: node-1}
status: {addresses: [{type: InternalIP, address: 192.168.1.2}, {type: InternalIP, address: "2001:db8::2"}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec: {nodeName: node-1, containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}
`;

const service = (name: string, families: string) => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  type: NodePort
  ipFamilyPolicy: PreferDualStack
  ipFamilies: [${families}]
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080, nodePort: 30080}]
`;

/** The inspection of default/web on node-1, and the Service's ClusterIPs by family. */
function inspected(families: string): { i: ServiceInspection; v4: string; v6: string } {
  const text = CLUSTER + service("web", families);
  const { cluster } = loadManifests([{ file: "c.yaml", text }]);
  const ips = cluster.services.find((s) => s.metadata.name === "web")!.spec.clusterIPs!;
  const i = inspect(cluster, "svc:default/web", "node-1") as ServiceInspection;
  return { i, v4: ips.find((ip) => !ip.includes(":"))!, v6: ips.find((ip) => ip.includes(":"))! };
}

const samples = (i: ServiceInspection) => i.samples.map((s) => [s.src, s.dst, s.action]);
const lines = (i: ServiceInspection) => i.chains.flatMap((c) => c.lines).join("\n");

type Ips = { v4: string; v6: string };

describe.each([
  {
    first: "IPv6",
    families: "IPv6, IPv4",
    shown: ({ v6 }: Ips) => v6,
    hidden: ({ v4 }: Ips) => v4,
    samples: ({ v6 }: Ips) => [
      ["2001:db8:ff::10", "[2001:db8::2]:30080", "dnat"],
      ["fd00:10:244::2", `[${v6}]:80`, "dnat"],
    ],
  },
  {
    first: "IPv4",
    families: "IPv4, IPv6",
    shown: ({ v4 }: Ips) => v4,
    hidden: ({ v6 }: Ips) => v6,
    samples: ({ v4 }: Ips) => [
      ["192.168.1.10", "192.168.1.2:30080", "dnat"],
      ["10.244.0.2", `${v4}:80`, "dnat"],
    ],
  },
])("inspecting an $first-first Service", (tc) => {
  const { i, v4, v6 } = inspected(tc.families);
  it("shows the rules of its first family only", () => {
    expect(lines(i)).toContain(`-d ${tc.shown({ v4, v6 })} --dport 80 -j KUBE-SVC-`);
    expect(lines(i)).not.toContain(tc.hidden({ v4, v6 }));
  });
  it("explains sample packets of that family", () => {
    expect(samples(i)).toEqual(tc.samples({ v4, v6 }));
  });
});
