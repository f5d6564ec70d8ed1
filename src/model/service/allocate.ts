// What the Service REST storage does in beginCreate (storage/storage.go, storage/alloc.go
// allocateCreate) before the object is validated: normalize clusterIPs, settle IP families,
// allocate ClusterIPs, NodePorts and the health-check NodePort; then, standing in for a cloud
// controller, a LoadBalancer ingress address. A failed create holds nothing afterwards.
import type { FieldError } from "../diagnostics";
import { invalid } from "../field";
import type { Service } from "../k8s";
import type { ServiceAllocators } from "./allocators";
import { initIPFamilyFields, normalizeClusterIPs } from "./ipFamilies";
import { CLUSTER_IP_NONE, needsHealthCheck, serviceKey, shouldAllocateNodePorts } from "./predicates";

/** errors.NewInternalError: no field, the API server's "Internal error occurred: " prefix. */
const internalError = (msg: string): FieldError => ({
  path: "",
  message: `Internal error occurred: ${msg}`,
});

type Undo = (() => void)[];

/**
 * Allocates for a defaulted Service, in place. Returns the errors the API server returns from
 * allocation (then nothing stays allocated), or [] when the Service holds its addresses and ports.
 */
export function allocateService(svc: Service, a: ServiceAllocators): FieldError[] {
  svc.spec ??= {};
  svc.status ??= {};
  const owner = serviceKey(svc);
  normalizeClusterIPs(svc);

  const undo: Undo = [];
  const fail = (errs: FieldError[]) => {
    for (const u of undo.reverse()) u();
    return errs;
  };

  const famErrs = initIPFamilyFields(svc, a);
  if (famErrs.length) return famErrs;
  const ipErrs = allocClusterIPs(svc, a, owner, undo);
  if (ipErrs.length) return fail(ipErrs);
  if (svc.spec.type === "NodePort" || svc.spec.type === "LoadBalancer") {
    const npErrs = initNodePorts(svc, a, owner, undo);
    if (npErrs.length) return fail(npErrs);
  }
  if (needsHealthCheck(svc)) {
    const hcErrs = allocHealthCheckNodePort(svc, a, owner, undo);
    if (hcErrs.length) return fail(hcErrs);
  }
  assignLoadBalancerIngress(svc, a, owner);
  return [];
}

function allocClusterIPs(svc: Service, a: ServiceAllocators, owner: string, undo: Undo): FieldError[] {
  const spec = svc.spec;
  if (spec.type === "ExternalName") return [];
  if (spec.clusterIPs?.[0] === CLUSTER_IP_NONE) return [];
  const families = spec.ipFamilies ?? [];
  const ips = [...(spec.clusterIPs ?? [])];
  while (ips.length < families.length) ips.push("");

  // Go walks a map here (any order); the playground walks ipFamilies in order.
  const got: string[] = [];
  for (let i = 0; i < families.length; i++) {
    const alloc = a.clusterIPs.get(families[i]!);
    if (!alloc) continue; // initIPFamilyFields made sure this cannot happen
    const requested = ips[i]!;
    if (requested === "") {
      const r = alloc.allocateNext(owner);
      if (!r.ok) return [internalError(`failed to allocate a serviceIP: ${r.error}`)];
      undo.push(() => alloc.release(r.value, owner));
      got[i] = r.value;
    } else {
      const r = alloc.allocate(requested, owner);
      if (!r.ok) {
        return [
          invalid("spec.clusterIPs", spec.clusterIPs ?? [], `failed to allocate IP ${requested}: ${r.error}`),
        ];
      }
      undo.push(() => alloc.release(requested, owner));
      got[i] = requested;
    }
  }
  spec.clusterIPs = ips.map((ip, i) => got[i] ?? ip);
  if (spec.clusterIPs.length > 0) spec.clusterIP = spec.clusterIPs[0];
  return [];
}

/** initNodePorts: honour requests, share one NodePort among ports with the same port number. */
function initNodePorts(svc: Service, a: ServiceAllocators, owner: string, undo: Undo): FieldError[] {
  const ports = svc.spec.ports ?? [];
  const byPort = new Map<number, number>();
  for (let i = 0; i < ports.length; i++) {
    const sp = ports[i]!;
    if (!sp.nodePort && !shouldAllocateNodePorts(svc)) continue;
    const shared = byPort.get(sp.port) ?? 0;
    if (shared === 0) {
      // The first request for this port number further down the list wins (findRequestedNodePort).
      const requested = ports.find((p) => p.port === sp.port && p.nodePort)?.nodePort ?? 0;
      if (requested !== 0) {
        const r = a.nodePorts.allocate(requested, owner);
        if (!r.ok) return [invalid(`spec.ports[${i}].nodePort`, requested, r.error)];
        undo.push(() => a.nodePorts.release(requested, owner));
        sp.nodePort = requested;
        byPort.set(sp.port, requested);
      } else {
        const r = a.nodePorts.allocateNext(owner, `${owner}#${i}`);
        if (!r.ok) return [internalError(`failed to allocate a nodePort: ${r.error}`)];
        undo.push(() => a.nodePorts.release(r.value, owner));
        sp.nodePort = r.value;
        byPort.set(sp.port, r.value);
      }
    } else if (sp.nodePort !== shared) {
      if (!sp.nodePort) {
        sp.nodePort = shared;
      } else {
        const np = sp.nodePort;
        const r = a.nodePorts.allocate(np, owner);
        if (!r.ok) return [invalid(`spec.ports[${i}].nodePort`, np, r.error)];
        undo.push(() => a.nodePorts.release(np, owner));
      }
    }
  }
  return [];
}

/** allocHealthCheckNodePort: its failures are internal errors, not field errors. */
function allocHealthCheckNodePort(
  svc: Service,
  a: ServiceAllocators,
  owner: string,
  undo: Undo,
): FieldError[] {
  const hc = svc.spec.healthCheckNodePort ?? 0;
  if (hc !== 0) {
    const r = a.nodePorts.allocate(hc, owner);
    if (!r.ok) return [internalError(`failed to allocate requested HealthCheck NodePort ${hc}: ${r.error}`)];
    undo.push(() => a.nodePorts.release(hc, owner));
    return [];
  }
  const r = a.nodePorts.allocateNext(owner, `${owner}#healthCheck`);
  // Go prints the shadowed (zero) port in this message.
  if (!r.ok) return [internalError(`failed to allocate a HealthCheck NodePort 0: ${r.error}`)];
  undo.push(() => a.nodePorts.release(r.value, owner));
  svc.spec.healthCheckNodePort = r.value;
  return [];
}

/**
 * The cloud controller's part, done at once: a LoadBalancer of the default class gets an ingress
 * address unless its status already has one. Other types carry no load-balancer status (the
 * strategy's PrepareForCreate clears status on create; the playground keeps a given LB status).
 */
function assignLoadBalancerIngress(svc: Service, a: ServiceAllocators, owner: string): void {
  if (svc.spec.type !== "LoadBalancer") {
    delete svc.status.loadBalancer;
    return;
  }
  const given = svc.status.loadBalancer?.ingress ?? [];
  if (given.length > 0) {
    for (const ing of given) if (ing.ip) a.loadBalancerIPs.claim(ing.ip, owner);
    return;
  }
  if (svc.spec.loadBalancerClass) return; // another controller's class: it stays pending here
  const requested = svc.spec.loadBalancerIP;
  const ip = requested
    ? a.loadBalancerIPs.claim(requested, owner)
      ? requested
      : null
    : a.loadBalancerIPs.allocateNext(owner);
  if (ip) svc.status.loadBalancer = { ingress: [{ ip, ipMode: a.loadBalancerIPs.ipMode }] };
}
