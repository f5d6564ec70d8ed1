// Fixtures for the comparison's tests: the default scenario's nodes and web endpoints, and traffic
// phases shaped as the simulation reports a burst of 20 from the laptop to node-2's NodePort (seed 1).
import type { PhaseMetrics } from "../protocol/simulation";
import { makeT } from "../i18n/core";
import { en } from "../i18n/en";
import { ko } from "../i18n/ko/index";
import type { ClusterSummary, EndpointState } from "../protocol/messages";
import { paneFigures } from "./figures";
import type { CompareSpec } from "./types";

export const cluster: ClusterSummary = {
  nodes: [
    { name: "node-1", ip: "192.168.1.2", zone: null, podCIDR: "10.244.0.0/24" },
    { name: "node-2", ip: "192.168.1.3", zone: null, podCIDR: "10.244.1.0/24" },
    { name: "node-3", ip: "192.168.1.4", zone: null, podCIDR: "10.244.2.0/24" },
  ],
  pods: [],
  services: [],
  clients: [{ name: "laptop", ip: "192.168.1.10" }],
};
export const endpoints: EndpointState[] = ["web-a", "web-b", "web-c"].map((p, i) => ({
  ip: `10.244.${i < 2 ? 1 : 2}.${10 + i}`,
  pod: `default/${p}`,
  node: i < 2 ? "node-2" : "node-3",
  ready: true,
  serving: true,
  terminating: false,
}));

export function phase(p: Partial<PhaseMetrics>): PhaseMetrics {
  return {
    index: 0,
    action: "burst",
    label: "",
    start: 0,
    end: 1,
    requests: 20,
    results: { delivered: 20, refused: 0, rejected: 0, dropped: 0, timeout: 0 },
    perPod: {},
    perNode: {},
    extraHops: 0,
    sourceIPs: {},
    latencyMs: { p50: 5.25, p95: 5.25, p99: 5.25 },
    timeline: [],
    ...p,
  };
}

export const cluster20 = phase({
  perPod: { "default/web-a": 7, "default/web-b": 7, "default/web-c": 6 },
  extraHops: 7,
  sourceIPs: {
    "default/web-a": ["10.244.1.1"],
    "default/web-b": ["10.244.1.1"],
    "default/web-c": ["192.168.1.3"],
  },
  latencyMs: { p50: 5.25, p95: 7.25, p99: 7.25 },
});
export const local20 = phase({
  perPod: { "default/web-a": 12, "default/web-b": 8 },
  sourceIPs: { "default/web-a": ["192.168.1.10"], "default/web-b": ["192.168.1.10"] },
});
export const dropped20 = phase({
  results: { delivered: 0, refused: 0, rejected: 0, dropped: 20, timeout: 0 },
  latencyMs: { p50: 0, p95: 0, p99: 0 },
});

export const figs = (p: PhaseMetrics[]) => paneFigures(p, endpoints, cluster, "client:laptop");
export const etpSpec = {
  setting: "externalTrafficPolicy",
  traffic: { from: "client:laptop", to: "192.168.1.3:30080", count: 20 },
  variants: [
    { value: "Cluster", edits: [] },
    { value: "Local", edits: [] },
  ],
} as unknown as CompareSpec;
export const tEn = makeT("en", en, en);
export const tKo = makeT("ko", ko, en);
