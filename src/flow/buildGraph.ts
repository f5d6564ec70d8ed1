// The React Flow picture of a cluster: node boxes holding their pods, the node network (bus) they all
// hang off, clients and cloud load balancers tapping the bus, Services with lines to their endpoints.
// Pure: from the cluster summary, the simulation's status and the saved positions to nodes and edges.
import type { ClusterSummary, EndpointState, SimState } from "../protocol/messages";
import { parseNsName } from "../protocol/nsName";
import type { GraphView, Position } from "../store/playgroundStore";
import { busExtent, type Rect } from "../scene/geometry";
import type { GraphEdge, GraphNode } from "./graphTypes";
import { drawnCluster } from "./graphView";
import { placeId } from "../protocol/placeId";
import { BUS_ID } from "../scene/ids";
import { autoLayout, loadBalancedServices, placeNewcomers, shownServices } from "./layout";
import { BUS_H, CLIENT_H, CLIENT_W, LB_H, LB_W, nodeBoxSize, podSlot, SVC_H, SVC_W } from "./sizes";

/** What the graph shows of the running simulation: node health and endpoints. */
interface GraphStatus {
  nodes: Record<string, { up: boolean; ready: boolean }>;
  /** By Service namespace/name; null before the simulation has said anything. */
  endpoints: Record<string, EndpointState[]> | null;
}

/**
 * The status as a string, so that a store selector returns an equal value (and React renders nothing)
 * while only the clock and the counters move.
 */
export function statusKey(sim: SimState | null): string {
  if (!sim) return "";
  const nodes: GraphStatus["nodes"] = {};
  for (const n of sim.nodes) nodes[n.name] = { up: n.up, ready: n.ready };
  return JSON.stringify({ nodes, endpoints: sim.endpoints } satisfies GraphStatus);
}

export function parseStatus(key: string): GraphStatus {
  return key ? (JSON.parse(key) as GraphStatus) : { nodes: {}, endpoints: null };
}

interface GraphInput {
  cluster: ClusterSummary;
  status: GraphStatus;
  positions: Record<string, Position>;
  selection: string | null;
  /** The namespace shown and the folded nodes; all namespaces by default. */
  view?: GraphView;
}

const ALL: GraphView = { namespace: null, collapsed: {} };

interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const BUS_MARGIN = 28;

export function buildGraph({ cluster: whole, status, positions, selection, view = ALL }: GraphInput): Graph {
  const { cluster, folded, system } = drawnCluster(whole, view);
  const foldedInto = new Map<string, string>();
  for (const [node, pods] of folded) for (const p of pods) foldedInto.set(p.name, node);
  const placed = placeNewcomers(positions, autoLayout(cluster));
  const at = (id: string): Position => positions[id] ?? placed[id] ?? { x: 0, y: 0 };
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const tapped: Rect[] = [];
  const selected = (id: string) => id === selection;

  const podsByNode = new Map<string, typeof cluster.pods>();
  for (const p of cluster.pods) {
    if (!p.node) continue;
    const list = podsByNode.get(p.node) ?? [];
    list.push(p);
    podsByNode.set(p.node, list);
  }

  // Clients and load balancers first (under everything), then node boxes each followed by its pods.
  for (const c of cluster.clients) {
    const id = placeId("client", c.name);
    const p = at(id);
    tapped.push({ x: p.x, y: p.y, w: CLIENT_W, h: CLIENT_H });
    nodes.push({
      id,
      type: "client",
      position: p,
      width: CLIENT_W,
      height: CLIENT_H,
      selected: selected(id),
      data: { name: c.name, ip: c.ip },
    });
    edges.push(tap(id));
  }
  for (const s of loadBalancedServices(cluster)) {
    const id = placeId("lb", s.name);
    const p = at(id);
    tapped.push({ x: p.x, y: p.y, w: LB_W, h: LB_H });
    nodes.push({
      id,
      type: "lb",
      position: p,
      width: LB_W,
      height: LB_H,
      selected: selected(id),
      data: { service: s.name, ips: s.loadBalancerIPs, mode: s.loadBalancerMode ?? null },
    });
    edges.push(tap(id));
  }

  const sortedNodes = [...cluster.nodes].sort((a, b) =>
    a.name.localeCompare(b.name, undefined, { numeric: true }),
  );
  for (const n of sortedNodes) {
    const id = placeId("node", n.name);
    const pods = [...(podsByNode.get(n.name) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    const fold = folded.get(n.name);
    const size = nodeBoxSize(pods.length);
    const p = at(id);
    const st = status.nodes[n.name] ?? { up: true, ready: true };
    tapped.push({ x: p.x, y: p.y, w: size.w, h: size.h });
    nodes.push({
      id,
      type: "k8sNode",
      position: p,
      width: size.w,
      height: size.h,
      selected: selected(id),
      data: {
        name: n.name,
        ip: n.ip,
        zone: n.zone,
        up: st.up,
        ready: st.ready,
        pods: pods.length,
        folded: fold
          ? { pods: fold.length, notReady: fold.filter((p) => !p.ready || p.terminating).length }
          : null,
        systemPods: system.get(n.name)?.length ?? 0,
        foldedPodIds: [...(fold ?? []), ...(system.get(n.name) ?? [])].map((p) => placeId("pod", p.name)),
      },
    });
    edges.push(tap(id));
    pods.forEach((pod, i) => {
      const pid = placeId("pod", pod.name);
      nodes.push({
        id: pid,
        type: "pod",
        parentId: id,
        extent: "parent",
        position: positions[pid] ?? podSlot(i, pods.length),
        selected: selected(pid),
        data: {
          name: pod.name,
          ip: pod.ip,
          ready: pod.ready,
          terminating: pod.terminating,
          phase: pod.phase,
          owner: pod.owner,
          nodeDown: !st.up,
        },
      });
    });
  }

  const drawn = new Set(nodes.map((n) => n.id));
  for (const s of shownServices(cluster)) {
    const id = placeId("svc", s.name);
    const eps = serviceEndpoints(s.name, s.selector, whole, status);
    const selects = s.type !== "ExternalName";
    nodes.push({
      id,
      type: "service",
      position: at(id),
      width: SVC_W,
      height: SVC_H,
      selected: selected(id),
      data: {
        name: s.name,
        type: s.type,
        clusterIP: s.clusterIP,
        ports: s.ports,
        externalTrafficPolicy: s.externalTrafficPolicy,
        internalTrafficPolicy: s.internalTrafficPolicy,
        sessionAffinity: s.sessionAffinity,
        externalName: s.externalName,
        ready: selects ? eps.filter((e) => e.state === "ready").length : null,
        total: selects ? eps.length : null,
      },
    });
    const toFolded = new Set<string>();
    for (const e of eps) {
      if (!e.pod) continue;
      // A folded pod's endpoint line ends at its node box, one line per node.
      const into = foldedInto.get(e.pod);
      const target = into ? placeId("node", into) : placeId("pod", e.pod);
      if (!drawn.has(target) || toFolded.has(target)) continue;
      if (into) toFolded.add(target);
      edges.push({
        id: `ep:${s.name}>${into ? target : e.pod}`,
        type: "endpoint",
        source: id,
        target,
        selectable: false,
        focusable: false,
        data: { state: e.state, highlighted: selection === id || selection === target },
      });
    }
  }

  const busY = at(BUS_ID).y;
  const extent = busExtent(tapped, busY, BUS_H, BUS_MARGIN);
  // The bus goes first: it lies under everything else.
  nodes.unshift({
    id: BUS_ID,
    type: "bus",
    position: { x: extent.x, y: busY },
    width: extent.w,
    height: BUS_H,
    selected: selected(BUS_ID),
    data: {},
  });
  return { nodes, edges };
}

function tap(source: string): GraphEdge {
  return { id: `tap:${source}`, type: "tap", source, target: BUS_ID, selectable: false, focusable: false };
}

/**
 * A Service's endpoints, from the simulation's EndpointSlices when known, else from the selector (before
 * the first state arrives). An endpoint written by hand by IP alone (an outside database) has no pod.
 */
export function serviceEndpoints(
  service: string,
  selector: Record<string, string> | null,
  cluster: ClusterSummary,
  status: GraphStatus,
): { pod: string | null; state: "ready" | "serving" | "notReady" }[] {
  const known = status.endpoints?.[service];
  if (status.endpoints) {
    return (known ?? []).map((e) => ({
      pod: e.pod,
      state: e.ready ? "ready" : e.serving ? "serving" : "notReady",
    }));
  }
  if (!selector || Object.keys(selector).length === 0) return [];
  const ns = parseNsName(service).namespace;
  return cluster.pods
    .filter(
      (p) => p.name.startsWith(`${ns}/`) && Object.entries(selector).every(([k, v]) => p.labels[k] === v),
    )
    .map((p) => ({ pod: p.name, state: p.ready && !p.terminating ? "ready" : "notReady" }));
}
