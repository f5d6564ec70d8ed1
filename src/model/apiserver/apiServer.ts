// A single-process stand-in for kube-apiserver: it defaults, allocates, validates and stores objects in
// creation order, and refuses what a real API server refuses (the object is then not stored at all).
import type { ClusterConfig } from "../clusterConfig";
import { objectKey } from "../cluster";
import type { FieldError } from "../diagnostics";
import type { KubeObject } from "../k8s";
import type { KindHandler } from "./kindHandlers";
import { fnv32a } from "../controllers/names";

export interface StoreMark {
  readonly objects: ReadonlyMap<string, KubeObject>;
  readonly created: ReadonlyMap<string, number>;
  readonly seq: number;
}

export class ApiServer {
  readonly objects = new Map<string, KubeObject>();
  /** Monotonic creation sequence by objectKey: the order creationTimestamps would give. */
  readonly created = new Map<string, number>();
  private seq = 0;

  constructor(
    readonly config: ClusterConfig,
    private readonly handlers: Record<KubeObject["kind"], KindHandler>,
  ) {}

  get<T extends KubeObject>(kind: T["kind"], namespace: string | undefined, name: string): T | undefined {
    return this.objects.get(objectKey({ kind, metadata: { name, namespace } })) as T | undefined;
  }

  list<T extends KubeObject>(kind: T["kind"]): T[] {
    return [...this.objects.values()].filter((o): o is T => o.kind === kind);
  }

  /** Creates obj (mutating it with defaults and allocations); returns the errors that refused it, if any. */
  create(obj: KubeObject): FieldError[] {
    const h = this.handlers[obj.kind];
    if (!h.namespaced) delete obj.metadata.namespace;
    else obj.metadata.namespace ??= "default";
    const key = objectKey(obj);
    if (this.objects.has(key))
      return [{ path: "metadata.name", message: `Duplicate value: ${alreadyExists(obj)}` }];
    h.setDefaults(obj);
    obj.metadata.uid ??= uidFor(key, this.seq);
    const allocErrors = h.allocate?.(obj) ?? [];
    if (allocErrors.length) return allocErrors;
    const errors = h.validate(obj, this.config);
    if (errors.some((e) => (e.severity ?? "error") === "error")) {
      h.release?.(obj);
      return errors;
    }
    this.objects.set(key, obj);
    this.created.set(key, this.seq++);
    return errors;
  }

  /** The store as it is now, for restore(): the objects, their creation order, and where uids go on. */
  mark(): StoreMark {
    return { objects: new Map(this.objects), created: new Map(this.created), seq: this.seq };
  }

  /**
   * Returns the store to a mark (an apply that is refused as a whole): objects stored since give their
   * allocations back, objects removed since take theirs again, and the order and uids are as they were.
   */
  restore(mark: StoreMark): void {
    for (const [key, obj] of this.objects)
      if (mark.objects.get(key) !== obj) this.handlers[obj.kind].release?.(obj);
    for (const [key, obj] of mark.objects)
      if (this.objects.get(key) !== obj) this.handlers[obj.kind].allocate?.(obj);
    this.objects.clear();
    for (const [key, obj] of mark.objects) this.objects.set(key, obj);
    this.created.clear();
    for (const [key, seq] of mark.created) this.created.set(key, seq);
    this.seq = mark.seq;
  }

  delete(obj: KubeObject): void {
    const key = objectKey(obj);
    const stored = this.objects.get(key);
    if (!stored) return;
    this.handlers[stored.kind].release?.(stored);
    this.objects.delete(key);
    this.created.delete(key);
  }
}

/** The API server's AlreadyExists wording: `services "web" already exists`. */
function alreadyExists(obj: KubeObject): string {
  const resource = {
    Service: "services",
    Pod: "pods",
    Node: "nodes",
    Deployment: "deployments.apps",
    ReplicaSet: "replicasets.apps",
    Endpoints: "endpoints",
    EndpointSlice: "endpointslices.discovery.k8s.io",
  }[obj.kind];
  return `${resource} "${obj.metadata.name}" already exists`;
}

/** A UUID-shaped uid, derived from the object's key and creation sequence so that loads repeat exactly. */
function uidFor(key: string, seq: number): string {
  const h = (salt: number) => fnv32a(`${salt}:${seq}:${key}`).toString(16).padStart(8, "0");
  const hex = h(1) + h(2) + h(3) + h(4);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
