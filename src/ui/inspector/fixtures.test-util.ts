// A small cluster summary shared by the inspector's tests: one live pod, one terminating.
import type { ClusterSummary, PodSummary } from "../../protocol/messages";

const pod: PodSummary = {
  name: "default/web-1",
  node: "node-2",
  ip: "10.244.1.2",
  labels: { app: "web" },
  phase: "Running",
  ready: true,
  terminating: false,
  owner: "default/web",
};

export const cluster: ClusterSummary = {
  nodes: [],
  pods: [pod, { ...pod, name: "default/web-2", terminating: true }],
  services: [],
  clients: [],
};
