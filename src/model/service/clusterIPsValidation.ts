// ValidateServiceClusterIPsRelatedFields (pkg/apis/core/validation/validation.go): clusterIP vs
// clusterIPs, ipFamilies and ipFamilyPolicy. Both the allocator (before it allocates) and
// validation call it.
import type { FieldError } from "../diagnostics";
import { duplicate, invalid, notSupported, required } from "../field";
import type { Service } from "../k8s";
import { goFamily, parseIPSloppy, validateIP } from "../validation/ip";
import { CLUSTER_IP_NONE, isHeadless } from "./predicates";

const SUPPORTED_IP_FAMILIES = ["IPv4", "IPv6"] as const;
/** sets.List order (sorted), as NotSupported prints it. */
const SUPPORTED_IP_FAMILY_POLICIES = ["PreferDualStack", "RequireDualStack", "SingleStack"] as const;

/** netutils.IsIPv6String: parses, and is not an IPv4 (or IPv4-mapped) address. */
export const isIPv6String = (s: string): boolean => {
  const ip = parseIPSloppy(s);
  return ip !== null && goFamily(ip) === 6;
};
export const isIPv4String = (s: string): boolean => {
  const ip = parseIPSloppy(s);
  return ip !== null && goFamily(ip) === 4;
};

export function validateClusterIPsRelatedFields(svc: Service): FieldError[] {
  const spec = svc.spec;
  if (spec.type === "ExternalName") return [];
  const errs: FieldError[] = [];
  const clusterIPs = spec.clusterIPs ?? [];
  let hasInvalidIPs = false;

  if (spec.clusterIP) {
    if (clusterIPs.length === 0) errs.push(required("spec.clusterIPs"));
    else if (clusterIPs[0] !== spec.clusterIP) {
      errs.push(invalid("spec.clusterIPs", clusterIPs, "first value must match `clusterIP`"));
    }
  } else if (clusterIPs.length !== 0) {
    errs.push(invalid("spec.clusterIPs", clusterIPs, "must be empty when `clusterIP` is not specified"));
  }

  const seen = new Set<string>();
  (spec.ipFamilies ?? []).forEach((fam, i) => {
    if (!(SUPPORTED_IP_FAMILIES as readonly string[]).includes(fam)) {
      errs.push(notSupported(`spec.ipFamilies[${i}]`, fam, SUPPORTED_IP_FAMILIES));
    }
    if (seen.has(fam)) errs.push(duplicate(`spec.ipFamilies[${i}]`, fam));
    seen.add(fam);
  });

  if (
    spec.ipFamilyPolicy !== undefined &&
    !(SUPPORTED_IP_FAMILY_POLICIES as readonly string[]).includes(spec.ipFamilyPolicy)
  ) {
    errs.push(notSupported("spec.ipFamilyPolicy", spec.ipFamilyPolicy, SUPPORTED_IP_FAMILY_POLICIES));
  }

  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === CLUSTER_IP_NONE) {
      if (clusterIPs.length > 1) {
        hasInvalidIPs = true;
        errs.push(invalid("spec.clusterIPs", clusterIPs, "'None' must be the first and only value"));
      }
      return;
    }
    const ipErrs = validateIP(`spec.clusterIPs[${i}]`, ip);
    if (ipErrs.length) hasInvalidIPs = true;
    errs.push(...ipErrs);
  });

  if (clusterIPs.length > 2)
    errs.push(invalid("spec.clusterIPs", clusterIPs, "may only hold up to 2 values"));

  // Bad IPs would skew the remaining messages.
  if (hasInvalidIPs) return errs;

  if (clusterIPs.length > 1) {
    const v6 = clusterIPs.some(isIPv6String);
    const v4 = clusterIPs.some((ip) => !isIPv6String(ip));
    if (!(v4 && v6))
      errs.push(invalid("spec.clusterIPs", clusterIPs, "may specify no more than one IP for each IP family"));
  }

  const families = spec.ipFamilies ?? [];
  if (!isHeadless(svc) && clusterIPs.length > 0 && families.length > 0) {
    for (let i = 0; i < clusterIPs.length && i < families.length; i++) {
      const ip = clusterIPs[i]!;
      if (families[i] === "IPv4" && isIPv6String(ip)) {
        errs.push(
          invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``),
        );
      }
      if (families[i] === "IPv6" && !isIPv6String(ip)) {
        errs.push(
          invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``),
        );
      }
    }
  }
  return errs;
}
