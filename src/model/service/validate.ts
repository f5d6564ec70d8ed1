// ValidateService / ValidateServiceCreate (pkg/apis/core/validation/validation.go) for everything
// but ValidateObjectMeta, which the caller adds in front. Errors come in the order Go appends them.
import type { ClusterConfig } from "../clusterConfig";
import type { FieldError } from "../diagnostics";
import { forbidden, goQuote, invalid, notSupported, required } from "../field";
import type { Service } from "../k8s";
import { validateCIDR, validateIP, validateNonSpecialIP } from "../validation/ip";
import { validateLabels, validateObjectMeta } from "../validation/meta";
import {
  isValidPortNum,
  validateDNS1123Subdomain,
  validateQualifiedName,
  validateServiceName,
} from "../validation/names";
import { validateClusterIPsRelatedFields } from "./clusterIPsValidation";
import { externallyAccessible, isHeadless, needsHealthCheck } from "./predicates";
import { validateServicePort } from "./validatePort";

/** sets.List orders (sorted), as NotSupported prints them. */
const SUPPORTED_SERVICE_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"] as const;
const SUPPORTED_SESSION_AFFINITIES = ["ClientIP", "None"] as const;
const SUPPORTED_TRAFFIC_POLICIES = ["Cluster", "Local"] as const;
/**
 * The values validateServiceTrafficDistribution accepts, in its own order. PreferSameZone and
 * PreferSameNode came with PreferSameTrafficDistribution (beta on in 1.34, locked on since 1.35);
 * older releases accept only PreferClose.
 */
const SUPPORTED_TRAFFIC_DISTRIBUTIONS = ["PreferClose", "PreferSameZone", "PreferSameNode"] as const;

/** core.MaxClientIPServiceAffinitySeconds: one day. */
const MAX_CLIENT_IP_TIMEOUT_SECONDS = 86400;

const ANNOTATION_TOPOLOGY_MODE = "service.kubernetes.io/topology-mode";
const ANNOTATION_TOPOLOGY_AWARE_HINTS = "service.kubernetes.io/topology-aware-hints";
const ANNOTATION_LB_SOURCE_RANGES = "service.beta.kubernetes.io/load-balancer-source-ranges";

const has = (list: readonly string[], v: unknown) => typeof v === "string" && list.includes(v);

/** How Go's %#v prints the core.ServicePort key of a duplicate (protocol, port) pair. */
function goServicePortKey(protocol: string, port: number): string {
  return (
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, ` +
    `TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`
  );
}

/**
 * ValidateServiceCreate, which is ValidateService whole: ValidateObjectMeta (namespaced, names are
 * DNS-1035 labels) in front of the spec checks.
 */
export function validateServiceCreate(svc: Service, cfg?: ClusterConfig): FieldError[] {
  return [
    ...validateObjectMeta(svc.metadata, { namespaced: true, nameFn: validateServiceName }),
    ...validateService(svc, cfg),
  ];
}

export function validateService(svc: Service, _cfg?: ClusterConfig): FieldError[] {
  const spec = svc.spec ?? {};
  const errs: FieldError[] = [];
  const annotations = svc.metadata.annotations ?? {};

  const mode = annotations[ANNOTATION_TOPOLOGY_MODE];
  const hints = annotations[ANNOTATION_TOPOLOGY_AWARE_HINTS];
  if (mode !== undefined && hints !== undefined && mode !== hints) {
    errs.push(
      invalid(
        `metadata.annotations[${ANNOTATION_TOPOLOGY_MODE}]`,
        mode,
        `must match annotations[${ANNOTATION_TOPOLOGY_AWARE_HINTS}] when both are specified`,
      ),
    );
  }

  const ports = spec.ports ?? [];
  const headless = isHeadless(svc);
  if (ports.length === 0 && !headless && spec.type !== "ExternalName") errs.push(required("spec.ports"));

  switch (spec.type) {
    case "LoadBalancer":
    case "NodePort":
      if (headless) {
        errs.push(
          invalid("spec.clusterIPs[0]", "None", `may not be set to 'None' for ${spec.type} services`),
        );
      }
      break;
    case "ExternalName": {
      if ((spec.clusterIPs?.length ?? 0) > 0) {
        errs.push(forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
      }
      if ((spec.ipFamilies?.length ?? 0) > 0) {
        errs.push(forbidden("spec.ipFamilies", "may not be set for ExternalName services"));
      }
      if (spec.ipFamilyPolicy !== undefined) {
        errs.push(forbidden("spec.ipFamilyPolicy", "may not be set for ExternalName services"));
      }
      // A CNAME may end in a dot (fully qualified).
      const cname = (spec.externalName ?? "").replace(/\.$/, "");
      if (cname.length > 0) errs.push(...validateDNS1123Subdomain(cname, "spec.externalName"));
      else errs.push(required("spec.externalName"));
      break;
    }
  }

  const names = new Set<string>();
  ports.forEach((sp, i) =>
    errs.push(...validateServicePort(sp, ports.length > 1, names, `spec.ports[${i}]`)),
  );

  if (spec.selector) errs.push(...validateLabels(spec.selector, "spec.selector"));

  if (!spec.sessionAffinity) errs.push(required("spec.sessionAffinity"));
  else if (!has(SUPPORTED_SESSION_AFFINITIES, spec.sessionAffinity)) {
    errs.push(notSupported("spec.sessionAffinity", spec.sessionAffinity, SUPPORTED_SESSION_AFFINITIES));
  }
  if (spec.sessionAffinity === "ClientIP") {
    errs.push(...validateClientIPAffinityConfig(spec.sessionAffinityConfig));
  } else if (spec.sessionAffinity === "None" && spec.sessionAffinityConfig !== undefined) {
    // Only an object that skipped v1 defaulting gets here: defaultService drops this config first.
    errs.push(forbidden("spec.sessionAffinityConfig", "must not be set when session affinity is None"));
  }

  errs.push(...validateClusterIPsRelatedFields(svc));

  (spec.externalIPs ?? []).forEach((ip, i) => {
    const path = `spec.externalIPs[${i}]`;
    const ipErrs = validateIP(path, ip);
    errs.push(...(ipErrs.length ? ipErrs : validateNonSpecialIP(path, ip)));
  });

  if (!spec.type) errs.push(required("spec.type"));
  else if (!has(SUPPORTED_SERVICE_TYPES, spec.type)) {
    errs.push(notSupported("spec.type", spec.type, SUPPORTED_SERVICE_TYPES));
  }

  if (spec.type === "ClusterIP") {
    ports.forEach((sp, i) => {
      if (sp.nodePort)
        errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }

  // Duplicate NodePorts and ports count per protocol: 53/TCP and 53/UDP may share.
  const nodePorts = new Set<string>();
  ports.forEach((sp, i) => {
    if (!sp.nodePort) return;
    const key = `${sp.protocol ?? ""}/${sp.nodePort}`;
    if (nodePorts.has(key)) {
      errs.push({ path: `spec.ports[${i}].nodePort`, message: `Duplicate value: ${sp.nodePort}` });
    }
    nodePorts.add(key);
  });
  const portKeys = new Set<string>();
  ports.forEach((sp, i) => {
    const key = `${sp.protocol ?? ""}/${sp.port}`;
    if (portKeys.has(key)) {
      errs.push({
        path: `spec.ports[${i}]`,
        message: `Duplicate value: ${goServicePortKey(sp.protocol ?? "", sp.port)}`,
      });
    }
    portKeys.add(key);
  });

  const ranges = spec.loadBalancerSourceRanges ?? [];
  if (ranges.length > 0) {
    // The path's capital L is the API server's own.
    const path = "spec.LoadBalancerSourceRanges";
    if (spec.type !== "LoadBalancer")
      errs.push(forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
    // Space padding is tolerated, a leftover of the annotation days.
    ranges.forEach((r, i) => errs.push(...validateCIDR(`${path}[${i}]`, String(r).trim())));
  } else if (annotations[ANNOTATION_LB_SOURCE_RANGES] !== undefined) {
    const path = `metadata.annotations[${ANNOTATION_LB_SOURCE_RANGES}]`;
    if (spec.type !== "LoadBalancer")
      errs.push(forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
    const val = annotations[ANNOTATION_LB_SOURCE_RANGES].trim();
    if (val !== "") for (const r of val.split(",")) errs.push(...validateCIDR(path, r.trim()));
  }

  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== "LoadBalancer") {
    errs.push(
      forbidden("spec.allocateLoadBalancerNodePorts", "may only be used when `type` is 'LoadBalancer'"),
    );
  }
  if (spec.type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts === undefined) {
    // The API server's path really lacks "spec." here.
    errs.push(required("allocateLoadBalancerNodePorts"));
  }

  if (spec.type === "LoadBalancer") {
    if (spec.loadBalancerClass !== undefined) {
      errs.push(...validateQualifiedName(spec.loadBalancerClass, "spec.loadBalancerClass"));
    }
  } else if (spec.loadBalancerClass !== undefined) {
    errs.push(forbidden("spec.loadBalancerClass", "may only be used when `type` is 'LoadBalancer'"));
  }

  errs.push(...validateServiceExternalTrafficPolicy(svc));

  if (spec.internalTrafficPolicy === undefined) {
    // Not forbidden on ExternalName, for stored objects' sake.
    if (spec.type === "NodePort" || spec.type === "LoadBalancer" || spec.type === "ClusterIP") {
      errs.push(required("spec.internalTrafficPolicy"));
    }
  } else if (!has(SUPPORTED_TRAFFIC_POLICIES, spec.internalTrafficPolicy)) {
    errs.push(
      notSupported("spec.internalTrafficPolicy", spec.internalTrafficPolicy, SUPPORTED_TRAFFIC_POLICIES),
    );
  }

  if (
    spec.trafficDistribution !== undefined &&
    !has(SUPPORTED_TRAFFIC_DISTRIBUTIONS, spec.trafficDistribution)
  ) {
    errs.push(
      notSupported("spec.trafficDistribution", spec.trafficDistribution, SUPPORTED_TRAFFIC_DISTRIBUTIONS),
    );
  }
  return errs;
}

function validateClientIPAffinityConfig(config: Service["spec"]["sessionAffinityConfig"]): FieldError[] {
  const path = "spec.sessionAffinityConfig";
  const why = "when session affinity type is ClientIP";
  if (config === undefined || config === null) return [required(path, why)];
  if (config.clientIP === undefined || config.clientIP === null) return [required(`${path}.clientIP`, why)];
  const t = config.clientIP.timeoutSeconds;
  if (t === undefined || t === null) return [required(`${path}.clientIP.timeoutSeconds`, why)];
  if (t <= 0 || t > MAX_CLIENT_IP_TIMEOUT_SECONDS) {
    return [
      invalid(
        `${path}.clientIP.timeoutSeconds`,
        t,
        `must be greater than 0 and less than ${MAX_CLIENT_IP_TIMEOUT_SECONDS}`,
      ),
    ];
  }
  return [];
}

/** validateServiceExternalTrafficPolicy, which also rules on healthCheckNodePort. */
export function validateServiceExternalTrafficPolicy(svc: Service): FieldError[] {
  const spec = svc.spec;
  const errs: FieldError[] = [];
  const etp = spec.externalTrafficPolicy;
  if (!externallyAccessible(svc)) {
    if (etp)
      errs.push(
        invalid("spec.externalTrafficPolicy", etp, "may only be set for externally-accessible services"),
      );
  } else if (!etp) {
    errs.push(required("spec.externalTrafficPolicy"));
  } else if (!has(SUPPORTED_TRAFFIC_POLICIES, etp)) {
    errs.push(notSupported("spec.externalTrafficPolicy", etp, SUPPORTED_TRAFFIC_POLICIES));
  }

  const hc = spec.healthCheckNodePort ?? 0;
  if (!needsHealthCheck(svc)) {
    if (hc !== 0) {
      errs.push(
        invalid(
          "spec.healthCheckNodePort",
          hc,
          "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
        ),
      );
    }
  } else if (hc === 0) {
    errs.push(required("spec.healthCheckNodePort"));
  } else {
    for (const m of isValidPortNum(hc)) errs.push(invalid("spec.healthCheckNodePort", hc, m));
  }
  return errs;
}
