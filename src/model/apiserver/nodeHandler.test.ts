// The node IPAM's pod CIDRs: kube-controller-manager's default mask sizes, /24 for IPv4 and /64 for IPv6.
import { describe, expect, it } from "vitest";
import { load } from "../testing";

const cluster = (podCIDR: string) =>
  load(`apiVersion: kubehops.dev/v1alpha1
kind: ClusterConfig
spec: {podCIDR: "${podCIDR}"}
---
{apiVersion: v1, kind: Node, metadata: {name: node-1}}
---
{apiVersion: v1, kind: Node, metadata: {name: node-2}}
`).cluster;

describe("node pod CIDRs", () => {
  it("gives each node the next free /24 of an IPv4 pod CIDR", () => {
    expect(cluster("10.244.0.0/16").nodes.map((n) => n.spec.podCIDR)).toEqual([
      "10.244.0.0/24",
      "10.244.1.0/24",
    ]);
  });
  it("gives each node the next free /64 of an IPv6 pod CIDR", () => {
    expect(cluster("fd00:10:244::/56").nodes.map((n) => n.spec.podCIDR)).toEqual([
      "fd00:10:244::/64",
      "fd00:10:244:1::/64",
    ]);
  });
});
