import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadManifests } from "../model/load";
import type { ServiceInspection } from "../protocol/messages";
import { inspect } from "./inspect";

const DEFAULT = readFileSync(new URL("../../scenarios/default.yaml", import.meta.url), "utf8");
const load = (yaml: string) => loadManifests([{ file: "scenarios/default.yaml", text: yaml }]).cluster;
const inspectWeb = (yaml: string, node = "node-2") =>
  inspect(load(yaml), "svc:default/web", node) as ServiceInspection;

describe("inspect a Service", () => {
  it("shows iptables chains in iptables mode", () => {
    const r = inspectWeb(DEFAULT);
    expect(r.mode).toBe("iptables");
    expect(r.chains[0]).toMatchObject({ table: "nat", chain: "KUBE-SERVICES" });
    expect(r.samples.every((s) => s.rules[0] === "KUBE-SERVICES")).toBe(true);
  });

  it("shows the Service's part of the kube-proxy table, and samples walked through it, in nftables mode", () => {
    const r = inspectWeb(DEFAULT.replace("    mode: iptables\n", "    mode: nftables\n"));
    expect(r.mode).toBe("nftables");
    expect(r.chains.map((c) => c.chain).slice(0, 3)).toEqual([
      "set cluster-ips",
      "map service-ips",
      "map service-nodeports",
    ]);
    expect(r.chains.every((c) => c.table === "ip kube-proxy")).toBe(true);
    expect(r.samples.map((s) => s.action)).toEqual(["dnat", "dnat"]);
    expect(r.samples[0]!.rules.slice(0, 2)).toEqual(["nat-prerouting", "services"]);
  });

  it("names each sample packet and its reason as data, for the view to word in its language", () => {
    const r = inspectWeb(DEFAULT);
    expect(r.samples.map((s) => s.label)).toEqual([
      { kind: "nodePort", client: "laptop", node: "node-2" },
      { kind: "clusterIPFromPod", pod: expect.stringMatching(/^default\/web-/) },
    ]);
    expect(r.samples.map((s) => s.why.code)).toEqual(["dnat-node-port", "dnat-cluster-ip"]);
  });

  it("reads the rules of the Service's own IP family", () => {
    const v6 = DEFAULT.replace("  serviceCIDR: 10.96.0.0/12\n", "  serviceCIDR: fd00:10:96::/108\n").replace(
      "    mode: iptables\n",
      "    mode: nftables\n",
    );
    const r = inspectWeb(v6);
    expect(r.chains[0]!.table).toBe("ip6 kube-proxy");
    expect(r.chains[0]!.lines[0]).toMatch(/^fd00:10:96::/);
  });
});
