// trace(): follows one new connection's first packet from its source to wherever it ends, through each
// node's kube-proxy rules (explain), the node network (the extra hop), the pod's own sockets, and back
// along the same path, where conntrack reverses the NAT. Everything random comes from the seed.
import { nodeInternalIPs } from "../../model/controllers/kubelet";
import type { Cluster } from "../../model/cluster";
import type { LoadBalancerMode } from "../../model/clusterConfig";
import { nsName } from "../../model/cluster";
import { parseNsName } from "../../protocol/nsName";
import { isNodeReady } from "../../model/conditions";
import { parseIP } from "../../model/ip";
import { parsePlaceId, placeId } from "../../protocol/placeId";
import type { ContainerPort, Node, Pod, Service } from "../../model/k8s";
import { hasLocalReadyEndpoint } from "../kubeproxy/healthCheckNodePort";
import { bridgeIP, locate, nodeIP, nodeIPFor, type Place, placeIdOf } from "../network/places";
import { routeInto } from "../network/routes";
import { type Candidate, chooseEndpoint, type Decision, explain, type ExplainQuery } from "../proxy";
import { isEndpointChain } from "../kubeproxy/chainKinds";
import { refuse } from "../refusals";
import { fail, mustSucceed, ok, type Result } from "../result";
import { createRng, randomInt, type Rng } from "../rng";
import type { WalkQuery } from "./dnsLookup";
import type { DnsLookup, NameLookup } from "./dnsTypes";
import { hostListener } from "./hostListeners";
import { parseAddress, formatAddress, parsePort, type Address } from "./address";
import type { Hop, LinkKind, Trace, TraceEndpoint, TraceProtocol, TraceRequest, TraceResult } from "./types";
import type { HopCode, HopWhy } from "./why";

export interface TraceOptions {
  /** Nodes that are down: packets to or through them vanish. */
  downNodes?: ReadonlySet<string>;
  /** The random source; by default one seeded with the request's seed. */
  rng?: Rng;
  /** kube-proxy's decision on a node; by default from the cluster as it is now (the simulation passes each node's last synced rules). */
  decide?: (q: ExplainQuery) => Decision;
  /** Picks the endpoint; by default kube-proxy's random rules (the simulation adds ClientIP affinity). */
  choose?: (node: Node, d: Decision, src: string, rng: Rng) => Candidate | undefined;
  /** The nodes a load balancer sends to; by default every ready node that would pass its health check. */
  loadBalancerBackends?: (svc: Service) => Node[];
  /** Picks the load balancer's node, an index below n; by default one uniform draw of rng (the simulation records it). */
  pick?: (n: number, rng: Rng) => number;
  /** Resolves NAME of `--to NAME:PORT` as the source would (the pod's resolver); a refusal when it cannot. */
  resolveName?: (name: string, source: Place) => Result<string>;
  /** Looks NAME up as packets first (dnsLookup.ts); where it gives null, resolveName answers. */
  lookUpName?: (name: string, source: Place, req: TraceRequest, walk: WalkQuery) => NameLookup | null;
}

const MAX_NODE_VISITS = 8;

interface Packet {
  src: Address;
  dst: Address;
}

const sourceIndex = new WeakMap<Cluster, Map<string, Result<Place>>>();

/** Who sends: `client:NAME`, `pod:NS/NAME`, `node:NAME` or `ip:ADDR` (remembered per cluster object). */
function resolveSource(cluster: Cluster, from: string): Result<Place> {
  let index = sourceIndex.get(cluster);
  if (!index) sourceIndex.set(cluster, (index = new Map()));
  let place = index.get(from);
  if (!place) index.set(from, (place = resolveSourceUncached(cluster, from)));
  return place;
}

function resolveSourceUncached(cluster: Cluster, from: string): Result<Place> {
  const parsed = parsePlaceId(from);
  const kind = parsed?.kind;
  const ref = parsed?.name ?? "";
  if (kind === "client") {
    const c = cluster.config.clients.find((x) => x.name === ref);
    if (!c)
      return fail(refuse.unknownClient(ref, cluster.config.clients.map((x) => x.name).join(", ") || "none"));
    return ok({ kind: "client", name: c.name, ip: c.ip });
  }
  if (kind === "pod") {
    const { namespace: ns, name } = parseNsName(ref);
    const pod = cluster.pods.find((p) => p.metadata.namespace === ns && p.metadata.name === name);
    if (!pod) return fail(refuse.unknownPod(`${ns}/${name}`));
    if (!pod.status.podIP) return fail(refuse.podWithoutIP(`${ns}/${name}`, pod.status.phase ?? "Pending"));
    const node = cluster.nodes.find((n) => n.metadata.name === pod.spec.nodeName);
    if (pod.spec.hostNetwork && node) return ok({ kind: "node", node, ip: nodeIP(node) });
    return ok({ kind: "pod", pod, node, ip: pod.status.podIP });
  }
  if (kind === "node") {
    const node = cluster.nodes.find((n) => n.metadata.name === ref);
    if (!node) return fail(refuse.unknownNode(ref));
    return ok({ kind: "node", node, ip: nodeIP(node) });
  }
  if (kind === "ip") {
    const ip = parseAddress(ref, false)?.ip;
    if (!ip) return fail(refuse.sourceNotIP(ref));
    const place = locate(cluster, ip);
    return ok(place.kind === "unknown" ? { kind: "client", name: ip, ip } : place);
  }
  return fail(refuse.invalidSource(from));
}

export function trace(cluster: Cluster, req: TraceRequest, opts: TraceOptions = {}): Result<Trace> {
  const prepared = prepareTrace(cluster, req, opts);
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  if (p.unresolved) return ok(unresolvedTrace(p, p.unresolved));
  const rng = opts.rng ?? createRng(p.seed);
  const sport = p.protocol === "ICMP" ? null : randomInt(rng, 32768, 60999);
  return ok(walkTrace(cluster, p, sport, rng, opts));
}

/** A request checked and resolved: all trace() does before its first random draw (the source port). */
export interface PreparedTrace {
  req: TraceRequest;
  protocol: TraceProtocol;
  seed: number;
  source: Place;
  dst: Address;
  /** The name's lookup as packets, when there was one. */
  dns?: DnsLookup[];
  /** Set when the lookup failed: no connection is made. */
  unresolved?: { result: TraceResult; reason: string };
}

export function prepareTrace(
  cluster: Cluster,
  req: TraceRequest,
  opts: TraceOptions = {},
): Result<PreparedTrace> {
  const protocol: TraceProtocol = req.protocol ?? "TCP";
  const seed = req.seed ?? 1;
  const resolved = resolveSource(cluster, req.from);
  if (!resolved.ok) return resolved;
  const source = resolved.value;
  let dst = parseAddress(req.to, protocol !== "ICMP");
  let looked: NameLookup | null = null;
  if (!dst) {
    const m = /^([^:]+)(?::(\d+))?$/.exec(req.to);
    const port = m?.[2] === undefined ? null : parsePort(m[2]);
    if (!m || (m[2] !== undefined && port === null) || (protocol !== "ICMP" && port === null))
      return fail(refuse.destinationNotHostPort(req.to));
    looked = opts.lookUpName?.(m[1]!, source, req, queryWalker(cluster, opts)) ?? null;
    if (looked?.ip === null)
      return ok({ req, protocol, seed, source, dst: { ip: "", port }, dns: looked.dns, unresolved: looked });
    const r = looked
      ? ok(looked.ip)
      : (opts.resolveName?.(m[1]!, source) ?? fail(refuse.cannotResolve(m[1]!, placeIdOf(source))));
    if (!r.ok) return r;
    dst = { ip: r.value, port };
  }
  // A dual-stack pod or node sends from its address of the destination's family.
  const family = parseIP(dst.ip)?.family;
  const from = family === parseIP(source.ip)?.family ? source : inFamily(source, family);
  if (!from) return fail(refuse.familyMismatch(source.ip, dst.ip));
  return ok(
    looked
      ? { req, protocol, seed, source: from, dst, dns: looked.dns }
      : { req, protocol, seed, source: from, dst },
  );
}

/**
 * Walks one DNS query packet with the trace's view of the cluster (down nodes, synced rules, kube-proxy's
 * choice); the lookup's own random stream draws, no hook records them.
 */
export function queryWalker(cluster: Cluster, opts: TraceOptions): WalkQuery {
  const { downNodes, decide, choose, loadBalancerBackends } = opts;
  const walkOpts: TraceOptions = { downNodes, decide, choose, loadBalancerBackends };
  return (req, sport, rng) => {
    const p = prepareTrace(cluster, req);
    return p.ok ? walkTrace(cluster, p.value, sport, rng, walkOpts) : null;
  };
}

/** A trace whose name lookup failed: the lookups, and no connection. */
function unresolvedTrace(p: PreparedTrace, end: { result: TraceResult; reason: string }): Trace {
  return {
    from: p.req.from,
    to: p.req.to,
    protocol: p.protocol,
    seed: p.seed,
    result: end.result,
    reason: end.reason,
    endpoint: null,
    sourceSeenByPod: null,
    extraHop: false,
    dns: p.dns ?? [],
    hops: [],
  };
}

/** The same sender with its address of `family`, when it has one (a dual-stack pod's podIPs, a node's InternalIPs). */
function inFamily(source: Place, family: 4 | 6 | undefined): Place | null {
  const addresses =
    source.kind === "pod"
      ? (source.pod.status.podIPs ?? []).map((p) => p.ip)
      : source.kind === "node"
        ? nodeInternalIPs(source.node)
        : [];
  const ip = addresses.find((a) => parseIP(a)?.family === family);
  return ip ? { ...source, ip } : null;
}

/** The walk of a prepared request from source port sport (null for ICMP); rng serves the later draws. */
export function walkTrace(
  cluster: Cluster,
  p: PreparedTrace,
  sport: number | null,
  rng: Rng,
  opts: TraceOptions = {},
): Trace {
  const t = new Walk(cluster, p.protocol, rng, opts).run(p.req, p.seed, p.source, {
    src: { ip: p.source.ip, port: sport },
    dst: p.dst,
  });
  // The lookup shows before the connection's hops.
  if (!p.dns) return t;
  const { hops, ...rest } = t;
  return { ...rest, dns: p.dns, hops };
}

/** One trace in progress: the hops so far and the places the request passed, for the reply. */
class Walk {
  private hops: Hop[] = [];
  private path: { at: string; link: LinkKind }[] = [];
  /** Where the request was rewritten (NAT), by its index in `path`: conntrack reverses each on the way back. */
  private nats = new Map<number, { before: Packet; after: Packet }>();
  private extraHop = false;
  private endpoint: TraceEndpoint | null = null;

  constructor(
    private cluster: Cluster,
    private protocol: TraceProtocol,
    private rng: Rng,
    private opts: TraceOptions,
  ) {}

  run(req: TraceRequest, seed: number, source: Place, pkt: Packet): Trace {
    const end = this.start(source, pkt);
    const sourceSeenByPod = end.result === "delivered" && end.seenSrc ? end.seenSrc : null;
    return {
      from: req.from,
      to: req.to,
      protocol: this.protocol,
      seed,
      result: end.result,
      reason: end.reason,
      endpoint: this.endpoint,
      sourceSeenByPod,
      extraHop: this.extraHop,
      hops: this.hops,
    };
  }

  private hop(
    at: string,
    link: LinkKind,
    pkt: Packet,
    action: string,
    note: string,
    why: HopWhy,
    rules: string[] = [],
    to?: Packet,
  ) {
    this.hops.push({
      at,
      direction: "request",
      link,
      src: formatAddress(pkt.src),
      dst: formatAddress(pkt.dst),
      action,
      ...(to ? { to: { src: formatAddress(to.src), dst: formatAddress(to.dst) } } : {}),
      rules,
      note,
      why,
    });
    this.path.push({ at, link });
  }

  private isDown = (n: Node | undefined) => !!n && !!this.opts.downNodes?.has(n.metadata.name);

  private start(source: Place, pkt: Packet): End {
    const at = placeIdOf(source);
    if (source.kind === "pod") {
      this.hop(at, "start", pkt, "send", `${nsName(source.pod)} sends from its own network namespace`, {
        code: "send-pod",
      });
      if (!source.node || this.isDown(source.node)) return this.lost(`the pod's node is down`);
      return this.atNode(source.node, pkt, "node-pod");
    }
    if (source.kind === "node") {
      this.hop(
        at,
        "start",
        pkt,
        "send",
        `a process on ${source.node.metadata.name} sends (kube-proxy's OUTPUT rules apply)`,
        { code: "send-node" },
      );
      return this.atNode(source.node, pkt, "local", true);
    }
    this.hop(at, "start", pkt, "send", `${at} sends from outside the cluster`, { code: "send-client" });
    return this.fromOutside(pkt);
  }

  /** A packet on the network outside the cluster: only node, load-balancer and external IPs are routed in. */
  private fromOutside(pkt: Packet): End {
    const target = locate(this.cluster, pkt.dst.ip);
    switch (target.kind) {
      case "node":
        if (this.isDown(target.node))
          return this.vanish(
            target.node,
            "external",
            pkt,
            `${target.node.metadata.name} is down: nothing answers at ${pkt.dst.ip}`,
          );
        return this.atNode(target.node, pkt, "external");
      case "loadBalancer":
        return this.viaLoadBalancer(target.service, pkt);
      case "externalIP": {
        // Kubernetes does not bring an external IP to the cluster: the network must (ClusterConfig routes).
        const r = routeInto(this.cluster, pkt.dst.ip);
        const svc = nsName(target.service);
        if (r.kind === "noRoute")
          return this.noRoute(
            `${pkt.dst.ip} is an externalIP of ${svc}, but no route of the network leads it to a node: Kubernetes does not announce externalIPs, so the network must send that address to a node (a route in ClusterConfig spec.routes, like a router's static route or a BGP announcement)`,
          );
        if (r.kind === "notANode")
          return this.noRoute(
            `the network's route ${r.route} for ${pkt.dst.ip} (an externalIP of ${svc}) leads to ${r.via}, which is no node of the cluster`,
          );
        if (this.isDown(r.node))
          return this.vanish(
            r.node,
            "external",
            pkt,
            `the route ${r.route} sends ${pkt.dst.ip} to ${r.node.metadata.name}, which is down`,
          );
        return this.atNode(r.node, pkt, "external");
      }
      case "clusterIP":
        return this.noRoute(
          `${pkt.dst.ip} is the ClusterIP of ${nsName(target.service)}: it exists only inside the cluster, in kube-proxy's rules; from outside use a NodePort or a LoadBalancer`,
        );
      case "pod":
      case "podNetwork":
        return this.noRoute(
          `${pkt.dst.ip} is a pod address: the pod network is not routed outside the cluster; expose the pods with a NodePort or LoadBalancer Service`,
        );
      default:
        return this.noRoute(`no machine Kube Hops knows has the address ${pkt.dst.ip}`);
    }
  }

  /**
   * A cloud load balancer hands the packet to a healthy node: with externalTrafficPolicy Local, only nodes
   * whose healthCheckNodePort reports a local ready endpoint. How it delivers is the cloud's
   * (ClusterConfig loadBalancerMode, and the Service's status ipMode): in VIP mode the destination stays
   * the LB IP and kube-proxy's rules for it take over; NodePort targets get the destination rewritten to
   * nodeIP:nodePort; a Proxy balancer also puts its own address as the source (a connection of its own;
   * the client's source port is kept, where a real proxy would pick one).
   */
  private viaLoadBalancer(svc: Service, pkt: Packet): End {
    const at = placeId("lb", nsName(svc));
    const service = nsName(svc);
    const delivery = loadBalancerDelivery(this.cluster, svc, pkt.dst.ip);
    const port =
      pkt.dst.port === null
        ? undefined
        : (svc.spec.ports ?? []).find(
            (p) => p.port === pkt.dst.port && (p.protocol ?? "TCP") === this.protocol,
          );
    if (delivery !== "VIP" && !port?.nodePort) {
      const note = port
        ? `the load balancer forwards to NodePorts, and ${service} has none (allocateLoadBalancerNodePorts: false)`
        : `the load balancer has no listener for ${pkt.dst.port === null ? this.protocol : `${pkt.dst.port}/${this.protocol}`}`;
      this.hop(at, "external", pkt, "drop", note, {
        code: port ? "lb-no-node-port" : "lb-no-listener",
        service,
      });
      return { result: "timeout", reason: `${note}, so the client waits and times out` };
    }
    const healthy =
      this.opts.loadBalancerBackends?.(svc) ??
      this.cluster.nodes.filter(
        (n) =>
          isNodeReady(n) &&
          !this.isDown(n) &&
          (svc.spec.externalTrafficPolicy !== "Local" ||
            hasLocalReadyEndpoint(this.cluster, svc, n.metadata.name)),
      );
    if (!healthy.length) {
      this.hop(at, "external", pkt, "drop", "the load balancer has no healthy node to send to", {
        code: "lb-no-backend",
        service,
      });
      return {
        result: "timeout",
        reason: `the load balancer of ${service} has no healthy backend node, so the client waits and times out`,
      };
    }
    const pick = this.opts.pick ?? ((n: number, rng: Rng) => Math.floor(rng() * n));
    const node = healthy[pick(healthy.length, this.rng)]!;
    const why =
      svc.spec.externalTrafficPolicy === "Local"
        ? " (externalTrafficPolicy Local: only nodes with a ready local endpoint pass the health check on healthCheckNodePort)"
        : "";
    const choice = `the load balancer picks ${node.metadata.name} among healthy nodes ${healthy.map((n) => n.metadata.name).join(", ")}${why}`;
    const hopWhy: HopWhy = {
      code: delivery === "VIP" ? "lb-forward" : delivery === "NodePort" ? "lb-node-port" : "lb-proxy",
      service,
      endpoints: healthy.length,
      ...(svc.spec.externalTrafficPolicy === "Local" ? { local: true } : {}),
    };
    if (delivery === "VIP") {
      this.hop(at, "external", pkt, "forward", choice, hopWhy);
      return this.atNode(node, pkt, "loadBalancer");
    }
    const target: Address = { ip: nodeIPFor(node, pkt.dst.ip), port: port!.nodePort! };
    const after: Packet =
      delivery === "Proxy"
        ? { src: { ip: pkt.dst.ip, port: pkt.src.port }, dst: target }
        : { src: pkt.src, dst: target };
    this.hop(
      at,
      "external",
      pkt,
      delivery === "Proxy" ? "dnat+snat" : "dnat",
      delivery === "Proxy"
        ? `${choice}; as a proxy it opens its own connection from ${pkt.dst.ip} to the NodePort ${formatAddress(target)}`
        : `${choice} and rewrites the destination to its NodePort ${formatAddress(target)}`,
      hopWhy,
      [],
      after,
    );
    this.nats.set(this.path.length - 1, { before: pkt, after });
    return this.atNode(node, after, "loadBalancer");
  }

  /** From inside the cluster to a Proxy load balancer's address: out of the node, to the balancer, back in. */
  private outToLoadBalancer(node: Node, svc: Service, pkt: Packet): End {
    return this.viaLoadBalancer(svc, this.leaveNode(node, pkt));
  }

  /** The packet reaches a node: kube-proxy's rules decide, then the node routes. */
  private atNode(node: Node, pkt: Packet, link: LinkKind, localOrigin = false, visits = 0): End {
    if (visits > MAX_NODE_VISITS) return this.lost("the packet loops between nodes");
    const at = placeId("node", node.metadata.name);
    const d = (this.opts.decide ?? ((q: ExplainQuery) => mustSucceed(explain(this.cluster, q))))({
      node: node.metadata.name,
      src: pkt.src.ip,
      dst: formatAddress(pkt.dst),
      protocol: this.protocol,
    });
    switch (d.action) {
      case "dnat": {
        const c = this.opts.choose
          ? this.opts.choose(node, d, pkt.src.ip, this.rng)
          : chooseEndpoint(d, this.rng);
        if (!c) break;
        const epNode = c.node ? this.cluster.nodes.find((n) => n.metadata.name === c.node) : undefined;
        // Hairpin: a pod reaching itself through its Service is masqueraded by the KUBE-SEP chain's
        // "-s <endpoint IP> -j KUBE-MARK-MASQ" rule, whatever the Service's policies.
        const hairpin = c.ip === pkt.src.ip;
        const snatIP =
          d.masqueradeByCandidate[d.candidates.indexOf(c)] || hairpin
            ? epNode && epNode === node
              ? (bridgeIP(node, pkt.src.ip) ?? nodeIPFor(node, pkt.src.ip))
              : nodeIPFor(node, pkt.src.ip)
            : null;
        const after: Packet = {
          src: snatIP ? { ip: snatIP, port: pkt.src.port } : pkt.src,
          dst: { ip: c.ip, port: c.port },
        };
        // The decision's masquerade reason holds on every path; a hairpin only on this endpoint's.
        const masq = snatIP ? (hairpin ? "hairpin" : d.why.masq) : undefined;
        const why: HopWhy = masq === d.why.masq ? d.why : withMasq(d.why, masq);
        const snatNote = snatIP
          ? `; ${hairpin ? "hairpin: the pod reached itself, so " : ""}SNAT (masquerade) to ${snatIP}, so the reply comes back through ${node.metadata.name}`
          : "";
        this.hop(
          at,
          link,
          pkt,
          snatIP ? "dnat+snat" : "dnat",
          `${d.reason}. This connection: DNAT to ${formatAddress(after.dst)}${c.pod ? ` (${c.pod})` : ""}${snatNote}`,
          why,
          chosenPath(d.rules, d.candidates.length, d.candidates.indexOf(c)),
          after,
        );
        this.nats.set(this.path.length - 1, { before: pkt, after });
        this.endpoint = { pod: c.pod, node: c.node, ip: c.ip, port: c.port };
        return this.route(node, after, visits);
      }
      case "reject":
        this.hop(at, link, pkt, "reject", d.reason, d.why, d.rules);
        this.reply(
          pkt,
          `${at} answers with ${this.protocol === "TCP" ? "a TCP reset" : "ICMP port unreachable"}`,
          "reply-reject",
        );
        return { result: "rejected", reason: d.reason };
      case "drop":
        this.hop(at, link, pkt, "drop", d.reason, d.why, d.rules);
        return { result: "dropped", reason: `${d.reason}; the client hears nothing and times out` };
      case "accept":
        this.hop(at, link, pkt, "deliver", d.reason, d.why, d.rules);
        this.reply(pkt, "the node answers", "reply-answer");
        return { result: "delivered", reason: d.reason, seenSrc: pkt.src.ip };
      case "pass":
        break;
    }
    if (d.action === "pass" && !localOrigin)
      this.hop(
        at,
        link,
        pkt,
        "route",
        `no Service rule matches ${formatAddress(pkt.dst)}; the node routes it`,
        d.why,
        d.rules,
      );
    else if (d.action === "pass") this.path.push({ at, link });
    return this.route(node, pkt, visits);
  }

  /** Plain routing from a node toward pkt.dst. */
  private route(node: Node, pkt: Packet, visits: number): End {
    const target = locate(this.cluster, pkt.dst.ip);
    switch (target.kind) {
      case "pod": {
        const podNode = target.node;
        if (!podNode) return this.lost(`pod ${nsName(target.pod)} is on no node`);
        if (podNode !== node) {
          if (this.isDown(podNode))
            return this.vanish(
              podNode,
              "node-node",
              pkt,
              `${podNode.metadata.name}, where ${nsName(target.pod)} runs, is down`,
            );
          this.extraHop = true;
          this.hop(
            placeId("node", podNode.metadata.name),
            "node-node",
            pkt,
            "forward",
            `over the node network from ${node.metadata.name} to ${podNode.metadata.name}, which hosts ${target.ip} (an extra hop)`,
            { code: "forward-node" },
          );
        }
        return this.deliverToPod(target.pod, pkt);
      }
      case "node": {
        if (target.node === node) return this.deliverToHost(node, pkt);
        if (this.isDown(target.node))
          return this.vanish(target.node, "node-node", pkt, `${target.node.metadata.name} is down`);
        this.extraHop = true;
        return this.atNode(target.node, pkt, "node-node", false, visits + 1);
      }
      case "clusterIP":
        this.markLost(pkt, `no rule of kube-proxy matches ${formatAddress(pkt.dst)} (${this.protocol})`, {
          code: "lost-cluster-ip",
          service: nsName(target.service),
        });
        return {
          result: "timeout",
          reason: `${pkt.dst.ip} is the ClusterIP of ${nsName(target.service)}, a virtual address: only kube-proxy's rules for its ports (${(target.service.spec.ports ?? []).map((p) => `${p.port}/${p.protocol}`).join(", ")}) give it meaning, and nothing answers anything else${this.protocol === "ICMP" ? " (so ping gets no reply)" : ""}`,
        };
      case "loadBalancer":
        // Only a Proxy balancer's address gets here (kube-proxy keeps the others in the cluster).
        return loadBalancerDelivery(this.cluster, target.service, pkt.dst.ip) === "Proxy"
          ? this.outToLoadBalancer(node, target.service, pkt)
          : this.leaveCluster(node, pkt);
      case "client":
      case "unknown":
      case "externalIP":
        return this.leaveCluster(node, pkt);
      case "podNetwork":
        this.markLost(pkt, `no pod has the address ${pkt.dst.ip}`, { code: "lost-pod-network" });
        return {
          result: "timeout",
          reason: `no pod has the address ${pkt.dst.ip}: the packet is routed into the pod network and lost`,
        };
    }
  }

  private deliverToPod(pod: Pod, pkt: Packet): End {
    const at = placeId("pod", nsName(pod));
    const listens = this.listens(pod, pkt.dst.port);
    if (!listens) {
      this.hop(
        at,
        "node-pod",
        pkt,
        "refuse",
        `${nsName(pod)} has no container listening on ${pkt.dst.port}/${this.protocol}`,
        { code: "refuse-pod" },
      );
      this.reply(
        pkt,
        `the pod's kernel answers with ${this.protocol === "TCP" ? "a TCP reset" : "ICMP port unreachable"}`,
        "reply-reject",
      );
      return {
        result: "refused",
        reason: `connection refused: no container of ${nsName(pod)} listens on ${formatAddress(pkt.dst)}/${this.protocol} (its ports: ${this.declaredPorts(pod) || "none"})`,
      };
    }
    this.hop(at, "node-pod", pkt, "deliver", `${nsName(pod)} receives the packet from ${pkt.src.ip}`, {
      code: "deliver-pod",
    });
    this.reply(pkt, `${nsName(pod)} answers`, "reply-answer");
    return {
      result: "delivered",
      reason: `pod ${nsName(pod)} answered on ${formatAddress(pkt.dst)}`,
      seenSrc: pkt.src.ip,
    };
  }

  private deliverToHost(node: Node, pkt: Packet): End {
    const at = placeId("node", node.metadata.name);
    const listener = hostListener(this.cluster, node, pkt.dst.port, this.protocol);
    if (!listener) {
      this.hop(
        at,
        "local",
        pkt,
        "refuse",
        `nothing on ${node.metadata.name} listens on ${pkt.dst.port}/${this.protocol}`,
        { code: "refuse-host" },
      );
      this.reply(pkt, `${node.metadata.name}'s kernel refuses`, "reply-reject");
      return {
        result: "refused",
        reason: `connection refused: nothing on ${node.metadata.name} listens on ${formatAddress(pkt.dst)}/${this.protocol}`,
      };
    }
    this.hop(at, "local", pkt, "deliver", `${listener} on ${node.metadata.name} receives the packet`, {
      code: "deliver-host",
    });
    this.reply(pkt, `${listener} answers`, "reply-answer");
    return {
      result: "delivered",
      reason: `${listener} on ${node.metadata.name} answered on ${formatAddress(pkt.dst)}`,
      seenSrc: pkt.src.ip,
    };
  }

  private leaveCluster(node: Node, pkt: Packet): End {
    const after = this.leaveNode(node, pkt);
    const target = locate(this.cluster, pkt.dst.ip);
    this.hop(
      target.kind === "client" ? placeIdOf(target) : placeId("ip", pkt.dst.ip),
      "external",
      after,
      "deliver",
      "outside the cluster",
      { code: "deliver-outside" },
    );
    this.reply(after, "the outside host answers", "reply-answer");
    return {
      result: "delivered",
      reason: `the packet left the cluster for ${formatAddress(pkt.dst)}, outside it (Kube Hops assumes the host there answers)`,
      seenSrc: after.src.ip,
    };
  }

  /** The packet leaves the cluster from `node`: a pod's address is masqueraded to the node's (the CNI). */
  private leaveNode(node: Node, pkt: Packet): Packet {
    const at = placeId("node", node.metadata.name);
    const fromPod = locate(this.cluster, pkt.src.ip).kind === "pod";
    const snat = nodeIPFor(node, pkt.src.ip);
    const after: Packet = fromPod ? { src: { ip: snat, port: pkt.src.port }, dst: pkt.dst } : pkt;
    this.hop(
      at,
      "local",
      pkt,
      fromPod ? "snat" : "route",
      fromPod
        ? `the packet leaves the cluster; the CNI masquerades the pod address to ${snat}`
        : "the packet leaves the cluster",
      { code: fromPod ? "leave-cluster-snat" : "leave-cluster" },
      [],
      fromPod ? after : undefined,
    );
    if (fromPod) this.nats.set(this.path.length - 1, { before: pkt, after });
    return after;
  }

  private listens(pod: Pod, port: number | null): boolean {
    if (this.protocol === "ICMP" || port === null) return true;
    const declared = containerPorts(pod);
    // containerPort is informational: a pod that declares none may listen anywhere, so assume it does.
    if (!declared.length) return true;
    return declared.some((p) => p.containerPort === port && (p.protocol ?? "TCP") === this.protocol);
  }

  private declaredPorts(pod: Pod): string {
    return (pod.spec.containers ?? [])
      .flatMap((c) => c.ports ?? [])
      .map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}`)
      .join(", ");
  }

  /** The reply retraces the request's path; the node that NATed the request reverses it (conntrack). */
  private reply(req: Packet, note: string, answer: "reply-answer" | "reply-reject"): void {
    let pkt: Packet = { src: req.dst, dst: req.src };
    const path = [...this.path].reverse();
    path.forEach((p, i) => {
      const nat = this.nats.get(path.length - 1 - i);
      let to: Packet | undefined;
      let action = i === 0 ? "answer" : i === path.length - 1 ? "receive" : "forward";
      let n = i === 0 ? note : i === path.length - 1 ? "the reply arrives" : "on the way back";
      let code: HopCode = i === 0 ? answer : i === path.length - 1 ? "reply-receive" : "reply-forward";
      if (nat && i > 0) {
        to = { src: nat.before.dst, dst: nat.before.src };
        action = "un-nat";
        code = "reply-unnat";
        n = `conntrack reverses the NAT: source back to ${formatAddress(to.src)}, destination back to ${formatAddress(to.dst)}`;
      }
      const link = path[i - 1]?.link ?? "local";
      this.hops.push({
        at: p.at,
        direction: "reply",
        link,
        src: formatAddress(pkt.src),
        dst: formatAddress(pkt.dst),
        action,
        ...(to ? { to: { src: formatAddress(to.src), dst: formatAddress(to.dst) } } : {}),
        rules: [],
        note: n,
        why: { code },
      });
      if (to) pkt = to;
    });
  }

  private markLost(pkt: Packet, note: string, why: HopWhy) {
    const last = this.path[this.path.length - 1];
    this.hops.push({
      at: last?.at ?? "",
      direction: "request",
      link: "local",
      src: formatAddress(pkt.src),
      dst: formatAddress(pkt.dst),
      action: "lost",
      rules: [],
      note,
      why,
    });
  }

  /** The packet travels to a dead node and is never seen again. */
  private vanish(node: Node, link: LinkKind, pkt: Packet, reason: string): End {
    this.hop(placeId("node", node.metadata.name), link, pkt, "lost", `${reason}: the packet vanishes`, {
      code: "lost-node-down",
    });
    return this.lost(reason);
  }

  private lost(reason: string): End {
    return { result: "timeout", reason: `${reason}; the client waits and times out` };
  }

  private noRoute(reason: string): End {
    return { result: "no-route", reason };
  }
}

/**
 * How the load balancer of `svc` delivers traffic for `ip`: Proxy when its status says ipMode Proxy,
 * otherwise as the cluster's balancers do (loadBalancerMode NodePort or VIP).
 */
export function loadBalancerDelivery(cluster: Cluster, svc: Service, ip: string): LoadBalancerMode {
  const ing = svc.status.loadBalancer?.ingress?.find((i) => i.ip === ip);
  if (ing?.ipMode === "Proxy") return "Proxy";
  return cluster.config.loadBalancerMode === "Proxy" ? "VIP" : cluster.config.loadBalancerMode;
}

function withMasq(why: HopWhy, masq: HopWhy["masq"]): HopWhy {
  const { masq: _old, ...rest } = why;
  return masq ? { ...rest, masq } : rest;
}

interface End {
  result: TraceResult;
  reason: string;
  seenSrc?: string;
}

const portsIndex = new WeakMap<Pod, ContainerPort[]>();
const containerPorts = (pod: Pod): ContainerPort[] => {
  let ports = portsIndex.get(pod);
  if (!ports) portsIndex.set(pod, (ports = (pod.spec.containers ?? []).flatMap((c) => c.ports ?? [])));
  return ports;
};

/** The chains one connection walks: explain lists every endpoint chain it may jump to, in candidate order. */
function chosenPath(rules: string[], candidates: number, chosen: number): string[] {
  const seps = rules.filter(isEndpointChain);
  if (seps.length !== candidates) return rules;
  return rules.filter((r) => !isEndpointChain(r) || r === seps[chosen]);
}
