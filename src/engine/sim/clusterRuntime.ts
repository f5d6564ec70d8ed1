// The cluster as time passes: nodes fail and come back, the node lifecycle controller marks them
// NotReady and evicts their pods, ReplicaSets replace pods, pods start and terminate gracefully,
// objects are applied. Each change re-settles the controllers; timed consequences go on the agenda.
import type { ApiServer } from "../../model/apiserver/apiServer";
import type { Cluster, ObjectSource } from "../../model/cluster";
import { nsName, objectKey } from "../../model/cluster";
import { parseNsName } from "../../protocol/nsName";
import { isNodeReady, isPodReady } from "../../model/conditions";
import { replicaShortfalls, shortfallMessage } from "../../model/controllers/replicaShortfall";
import { settle, type SettleResult } from "../../model/controllers/settle";
import { decodeObject } from "../../model/decode/decodeObject";
import type { Deployment, KubeObject, Node, Pod, ReplicaSet, Service } from "../../model/k8s";
import { readYaml } from "../../model/yamlSource";
import { refuse } from "../refusals";
import type { EngineError } from "../result";
import type { Timing } from "./timing";
import type { ClusterEvent, Tick } from "./types";

export type RuntimeEvent =
  | { k: "nodeNotReady"; node: string; epoch: number }
  | { k: "evict"; node: string; epoch: number }
  | { k: "nodeReady"; node: string; epoch: number }
  | { k: "podReady"; pod: string }
  | { k: "podGone"; pod: string };

/** A fixed epoch for timestamps the simulation writes (deletionTimestamp): tick 0 is this instant. */
const EPOCH = Date.parse("2026-01-01T00:00:00Z");

export class ClusterRuntime {
  cluster: Cluster;
  readonly down = new Set<string>();
  private epoch = new Map<string, number>();
  /** Pods whose start (readiness) is already on the agenda or done. */
  private started = new Set<string>();

  constructor(
    private api: ApiServer,
    private sources: Map<string, ObjectSource>,
    private timing: Timing,
    private schedule: (delay: Tick, e: RuntimeEvent) => void,
    private emit: (e: Omit<ClusterEvent, "tick">) => void,
    /** Called after every change of the cluster (kube-proxies and load balancers follow). */
    private changed: () => void,
  ) {
    this.cluster = settle(api, sources).cluster;
    // Pods running at load are ready already; a pending one starts when it gets a node and an IP.
    for (const p of this.cluster.pods) if (p.spec.nodeName && p.status.podIP) this.started.add(nsName(p));
  }

  private node(name: string): Node | undefined {
    return this.api.get<Node>("Node", undefined, name);
  }

  private pod(ref: string): Pod | undefined {
    const { namespace, name } = parseNsName(ref);
    return this.api.get<Pod>("Pod", namespace, name);
  }

  /** Re-runs the controllers; new running pods start their way to readiness. */
  resettle(): SettleResult {
    const r = settle(this.api, this.sources, {
      podsStartReady: false,
      previousSlices: this.cluster.endpointSlices,
    });
    this.cluster = r.cluster;
    for (const p of this.cluster.pods) {
      const key = nsName(p);
      if (this.started.has(key) || !p.spec.nodeName || !p.status.podIP) continue;
      this.started.add(key);
      this.emit({
        kind: "podCreated",
        object: `Pod/${key}`,
        message: `${key} starts on ${p.spec.nodeName} with IP ${p.status.podIP}`,
      });
      this.schedule(this.timing.podStartup, { k: "podReady", pod: key });
    }
    this.changed();
    return r;
  }

  /** After a scale or an apply: one event per named ReplicaSet that runs fewer pods than it wants. */
  private reportShortfalls(r: SettleResult, owners: Set<string>): void {
    for (const s of replicaShortfalls(r).replicaSets) {
      const rs = s.replicaSet;
      const owner = rs.metadata.ownerReferences?.find((o) => o.controller);
      const object = owner
        ? objectKey({
            kind: owner.kind as KubeObject["kind"],
            metadata: { ...rs.metadata, name: owner.name },
          })
        : objectKey(rs);
      if (owners.has(object)) this.emit({ kind: "podsPending", object, message: shortfallMessage(s) });
    }
  }

  failNode(name: string): EngineError | null {
    const n = this.node(name);
    if (!n) return refuse.unknownNode(name);
    if (this.down.has(name)) return refuse.nodeAlreadyDown(name);
    this.down.add(name);
    const epoch = this.bump(name);
    this.emit({
      kind: "nodeDown",
      object: `Node/${name}`,
      message: `${name} stops: packets to or through it vanish`,
    });
    this.schedule(this.timing.nodeMonitorGracePeriod, { k: "nodeNotReady", node: name, epoch });
    return null;
  }

  recoverNode(name: string): EngineError | null {
    if (!this.node(name)) return refuse.unknownNode(name);
    if (!this.down.has(name)) return refuse.nodeNotDown(name);
    this.down.delete(name);
    const epoch = this.bump(name);
    this.emit({ kind: "nodeUp", object: `Node/${name}`, message: `${name} is back; its kubelet reports in` });
    this.schedule(this.timing.nodeRecovery, { k: "nodeReady", node: name, epoch });
    return null;
  }

  deletePod(ref: string, now: Tick): EngineError | null {
    const p = this.pod(ref);
    if (!p) return refuse.unknownPod(ref);
    if (p.metadata.deletionTimestamp) return refuse.podAlreadyTerminating(ref);
    this.terminate(p, now);
    this.resettle();
    return null;
  }

  scale(ref: string, replicas: number, now: Tick): EngineError | null {
    const { namespace: ns, name } = parseNsName(ref);
    const d = this.api.get<Deployment>("Deployment", ns, name);
    if (!d) return refuse.unknownDeployment(`${ns}/${name}`);
    d.spec.replicas = replicas;
    const rs = this.api
      .list<ReplicaSet>("ReplicaSet")
      .find((r) => r.metadata.namespace === ns && r.metadata.ownerReferences?.some((o) => o.name === name));
    const active = this.cluster.pods.filter(
      (p) =>
        p.metadata.namespace === ns &&
        !p.metadata.deletionTimestamp &&
        p.metadata.ownerReferences?.some((o) => o.name === rs?.metadata.name),
    );
    // The ReplicaSet controller deletes the newest pods first; deletion is graceful.
    for (const p of active.slice(replicas).reverse()) this.terminate(p, now);
    this.emit({ kind: "applied", object: `Deployment/${ns}/${name}`, message: `scaled to ${replicas}` });
    this.reportShortfalls(this.resettle(), new Set([`Deployment/${ns}/${name}`]));
    return null;
  }

  /**
   * kubectl apply: creates or replaces each object. All or nothing: when any object is refused, the API
   * server returns to where it was, so a refused action has changed nothing (a replay leaves it out).
   */
  apply(text: string, now: Tick): EngineError | null {
    const read = readYaml(text, "apply");
    if (read.diagnostics.length)
      return refuse.invalidObject(read.diagnostics.map((d) => `line ${d.line}: ${d.message}`).join("; "));
    const before = this.api.mark();
    const problems: string[] = [];
    const placed: Placed[] = [];
    for (const src of read.objects) {
      const d = decodeObject(src.value);
      if (!d.ok) {
        problems.push(`${d.label || "object"}: ${d.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
        continue;
      }
      if (d.kind !== "object") {
        problems.push(
          d.kind === "clusterConfig"
            ? "a ClusterConfig cannot change while the simulation runs"
            : `${d.label}: ${d.note.message}`,
        );
        continue;
      }
      const r = this.place(d.object);
      if ("error" in r) problems.push(r.error);
      else placed.push(r);
    }
    if (problems.length) {
      this.api.restore(before);
      return refuse.invalidObject(problems.join("; "));
    }
    for (const p of placed) this.settleIn(p, now);
    this.reportShortfalls(this.resettle(), new Set(placed.map((p) => objectKey(p.obj))));
    return null;
  }

  /** Puts obj in the API server in place of the object of its name; a refused one leaves all as it was. */
  private place(obj: KubeObject): Placed | { error: string } {
    obj.metadata.namespace ??= obj.kind === "Node" ? undefined : "default";
    const before = this.api.mark();
    const old = this.api.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (old?.kind === "Service" && obj.kind === "Service") keepAllocations(old, obj);
    // A new template: the old ReplicaSet goes (its pods terminate once every object is in place) and a new
    // ReplicaSet starts (Recreate-like).
    const replaced =
      old?.kind === "Deployment" &&
      obj.kind === "Deployment" &&
      JSON.stringify(old.spec.template) !== JSON.stringify(obj.spec.template)
        ? this.api
            .list<ReplicaSet>("ReplicaSet")
            .filter((r) => r.metadata.ownerReferences?.some((o) => o.name === old.metadata.name))
        : [];
    for (const rs of replaced) this.api.delete(rs);
    if (old) this.api.delete(old);
    const errors = this.api.create(obj).filter((e) => (e.severity ?? "error") === "error");
    if (!errors.length) return old ? { obj, old, replaced } : { obj, replaced };
    this.api.restore(before);
    return {
      error: `${objectKey(obj)}: ${errors.map((e) => `${e.path ? `${e.path}: ` : ""}${e.message}`).join("; ")}`,
    };
  }

  /** What follows an object put in place: the replaced ReplicaSets' pods terminate; the change is told. */
  private settleIn({ obj, old, replaced }: Placed, now: Tick): void {
    for (const rs of replaced)
      for (const p of this.cluster.pods.filter((p) =>
        p.metadata.ownerReferences?.some((o) => o.name === rs.metadata.name),
      ))
        this.terminate(p, now);
    this.emit({ kind: "applied", object: objectKey(obj), message: old ? "configured" : "created" });
  }

  handle(e: RuntimeEvent, now: Tick): void {
    switch (e.k) {
      case "nodeNotReady": {
        if (this.epoch.get(e.node) !== e.epoch) return;
        const n = this.node(e.node)!;
        setReady(n, "Unknown");
        for (const p of this.podsOn(e.node)) setPodReady(p, false);
        this.emit({
          kind: "nodeNotReady",
          object: `Node/${e.node}`,
          message: `${e.node} missed its heartbeats for the node monitor grace period: NotReady; its pods' endpoints turn not ready`,
        });
        this.schedule(this.timing.podEvictionTimeout, { k: "evict", node: e.node, epoch: e.epoch });
        this.resettle();
        return;
      }
      case "evict": {
        if (this.epoch.get(e.node) !== e.epoch) return;
        const pods = this.podsOn(e.node).filter((p) => !p.metadata.deletionTimestamp);
        for (const p of pods) p.metadata.deletionTimestamp = timestamp(now);
        this.emit({
          kind: "podEvicted",
          object: `Node/${e.node}`,
          message: `the unreachable toleration ran out: ${pods.length} pod(s) on ${e.node} evicted; their ReplicaSets replace them on live nodes`,
        });
        this.resettle();
        return;
      }
      case "nodeReady": {
        if (this.epoch.get(e.node) !== e.epoch) return;
        const n = this.node(e.node)!;
        setReady(n, "True");
        for (const p of this.podsOn(e.node)) {
          // The kubelet finishes what was deleted while it was away; the rest runs on. A deleted pod's
          // name is free again: a new pod given it must start afresh.
          if (p.metadata.deletionTimestamp) {
            this.api.delete(p);
            this.started.delete(nsName(p));
          } else setPodReady(p, true);
        }
        this.emit({ kind: "nodeReady", object: `Node/${e.node}`, message: `${e.node} is Ready again` });
        this.resettle();
        return;
      }
      case "podReady": {
        const p = this.pod(e.pod);
        if (!p || p.metadata.deletionTimestamp || this.down.has(p.spec.nodeName ?? "")) return;
        const n = this.node(p.spec.nodeName ?? "");
        if (!n || !isNodeReady(n)) return;
        setPodReady(p, true);
        this.emit({ kind: "podReady", object: `Pod/${e.pod}`, message: `${e.pod} is Ready` });
        this.resettle();
        return;
      }
      case "podGone": {
        const p = this.pod(e.pod);
        if (!p || this.down.has(p.spec.nodeName ?? "")) return;
        this.api.delete(p);
        this.started.delete(e.pod);
        this.emit({
          kind: "podDeleted",
          object: `Pod/${e.pod}`,
          message: `${e.pod} has finished terminating`,
        });
        this.resettle();
        return;
      }
    }
  }

  private terminate(p: Pod, now: Tick): void {
    p.metadata.deletionTimestamp = timestamp(now);
    this.emit({
      kind: "podTerminating",
      object: `Pod/${nsName(p)}`,
      message: `${nsName(p)} is terminating: its endpoint stops taking new connections but serves open ones for up to the grace period`,
    });
    this.schedule(this.timing.terminationGracePeriod, { k: "podGone", pod: nsName(p) });
  }

  private podsOn(node: string): Pod[] {
    return this.api.list<Pod>("Pod").filter((p) => p.spec.nodeName === node);
  }

  private bump(node: string): number {
    const e = (this.epoch.get(node) ?? 0) + 1;
    this.epoch.set(node, e);
    return e;
  }
}

/** kubectl apply keeps what the API server allocated when the new manifest leaves it out. */
/** An applied object in the API server: the object it replaced, if any, and the ReplicaSets that went with it. */
interface Placed {
  obj: KubeObject;
  old?: KubeObject;
  replaced: ReplicaSet[];
}

function keepAllocations(old: Service, next: Service): void {
  const sameType = (next.spec.type ?? "ClusterIP") === (old.spec.type ?? "ClusterIP");
  if (!next.spec.clusterIP && old.spec.clusterIP && (next.spec.type ?? "ClusterIP") !== "ExternalName") {
    next.spec.clusterIP = old.spec.clusterIP;
    next.spec.clusterIPs = old.spec.clusterIPs;
  }
  for (const p of next.spec.ports ?? []) {
    const before = (old.spec.ports ?? []).find(
      (o) => o.port === p.port && (o.protocol ?? "TCP") === (p.protocol ?? "TCP"),
    );
    if (p.nodePort === undefined && before?.nodePort && sameType) p.nodePort = before.nodePort;
  }
  if (
    next.spec.healthCheckNodePort === undefined &&
    next.spec.externalTrafficPolicy === "Local" &&
    old.spec.healthCheckNodePort
  )
    next.spec.healthCheckNodePort = old.spec.healthCheckNodePort;
  if (
    !next.status?.loadBalancer?.ingress &&
    old.status.loadBalancer?.ingress &&
    next.spec.type === "LoadBalancer"
  )
    next.status = { ...(next.status ?? {}), loadBalancer: old.status.loadBalancer };
}

function setReady(n: Node, status: "True" | "Unknown"): void {
  const conds = (n.status.conditions ??= []);
  const c = conds.find((x) => x.type === "Ready");
  if (c) c.status = status;
  else conds.push({ type: "Ready", status });
}

function setPodReady(p: Pod, ready: boolean): void {
  if (isPodReady(p) === ready) return;
  const conds = (p.status.conditions ??= []);
  const c = conds.find((x) => x.type === "Ready");
  if (c) c.status = ready ? "True" : "False";
  else conds.push({ type: "Ready", status: ready ? "True" : "False" });
}

const timestamp = (tick: Tick) => new Date(EPOCH + Math.floor(tick / 1000)).toISOString();
