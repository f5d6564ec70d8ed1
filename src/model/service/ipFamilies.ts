// normalizeClusterIPs (storage/storage.go) and initIPFamilyFields (storage/alloc.go) for a create:
// make clusterIP/clusterIPs agree, then settle ipFamilyPolicy and ipFamilies against the families
// this cluster serves, before anything is allocated.
import type { FieldError } from "../diagnostics";
import { invalid } from "../field";
import type { IPFamily, Service } from "../k8s";
import type { ServiceAllocators } from "./allocators";
import { isIPv4String, isIPv6String, validateClusterIPsRelatedFields } from "./clusterIPsValidation";
import { CLUSTER_IP_NONE } from "./predicates";

/** An old client sets only clusterIP: mirror it into clusterIPs. (Not the other way round.) */
export function normalizeClusterIPs(svc: Service): void {
  const spec = svc.spec;
  if (spec.clusterIP && (spec.clusterIPs?.length ?? 0) === 0) spec.clusterIPs = [spec.clusterIP];
}

const otherFamily = (f: IPFamily): IPFamily => (f === "IPv4" ? "IPv6" : "IPv4");

function familyOf(ip: string): string {
  if (isIPv4String(ip)) return "IPv4";
  if (isIPv6String(ip)) return "IPv6";
  return "unknown";
}

export function initIPFamilyFields(svc: Service, a: ServiceAllocators): FieldError[] {
  const spec = svc.spec;
  if (spec.type === "ExternalName") return [];
  const selectorless = Object.keys(spec.selector ?? {}).length === 0;

  if (spec.ipFamilyPolicy === undefined) {
    // Headless and selectorless: the endpoints are the user's, so assume both families.
    spec.ipFamilyPolicy =
      spec.clusterIP === CLUSTER_IP_NONE && selectorless ? "RequireDualStack" : "SingleStack";
  }

  const loose = validateClusterIPsRelatedFields(svc);
  if (loose.length) return loose;

  const errs: FieldError[] = [];
  const clusterIPs = spec.clusterIPs ?? [];
  if (spec.ipFamilyPolicy === "SingleStack") {
    if (clusterIPs.length === 2) {
      errs.push(
        invalid(
          "spec.ipFamilyPolicy",
          spec.ipFamilyPolicy,
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified",
        ),
      );
    }
    if (spec.ipFamilies?.length === 2) {
      errs.push(
        invalid(
          "spec.ipFamilyPolicy",
          spec.ipFamilyPolicy,
          "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
        ),
      );
    }
  }

  // Infer ipFamilies from the requested clusterIPs.
  for (let i = 0; i < clusterIPs.length; i++) {
    const ip = clusterIPs[i]!;
    if (ip === CLUSTER_IP_NONE) break;
    const fam = familyOf(ip);
    if (i >= (spec.ipFamilies?.length ?? 0)) {
      if (!a.clusterIPs.has(fam as IPFamily)) {
        errs.push(invalid(`spec.clusterIPs[${i}]`, clusterIPs, `${fam} is not configured on this cluster`));
      } else {
        spec.ipFamilies = [...(spec.ipFamilies ?? []), fam as IPFamily];
      }
    }
  }
  if (errs.length) return errs;

  // Headless and selectorless may name families this cluster does not serve.
  if (spec.clusterIP === CLUSTER_IP_NONE && selectorless) {
    if (!spec.ipFamilies?.length) spec.ipFamilies = [a.primaryFamily];
    if (spec.ipFamilies.length < 2 && spec.ipFamilyPolicy !== "SingleStack") {
      spec.ipFamilies = [...spec.ipFamilies, otherFamily(spec.ipFamilies[0]!)];
    }
    return [];
  }

  if (spec.ipFamilyPolicy === "RequireDualStack" && a.clusterIPs.size < 2) {
    errs.push(
      invalid(
        "spec.ipFamilyPolicy",
        spec.ipFamilyPolicy,
        "this cluster is not configured for dual-stack services",
      ),
    );
  }
  (spec.ipFamilies ?? []).forEach((fam, i) => {
    if (!a.clusterIPs.has(fam))
      errs.push(invalid(`spec.ipFamilies[${i}]`, fam, "not configured on this cluster"));
  });
  if (errs.length) return errs;

  if (!spec.ipFamilies?.length) spec.ipFamilies = [a.primaryFamily];
  if (spec.ipFamilyPolicy !== "SingleStack" && spec.ipFamilies.length === 1 && a.clusterIPs.size === 2) {
    spec.ipFamilies = [...spec.ipFamilies, otherFamily(spec.ipFamilies[0]!)];
  }
  return [];
}
