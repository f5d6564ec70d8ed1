// Node validation on create. Source: pkg/apis/core/validation/validation.go (ValidateNode,
// validateNodeTaints, validateTaintEffect). Status (addresses, conditions) is not validated on
// create: "All status fields are optional and can be updated later". The one exception here is the
// addresses a kubelet reports (see validateNodeAddresses).
import type { FieldError } from "../diagnostics";
import type { Node } from "../k8s";
import { child, duplicate, index, internalError, invalid, notSupported, required } from "../field";
import { isValidLabelValue, validateNodeName } from "./names";
import { validateLabelName, validateObjectMeta } from "./meta";
import { familiesOf, parseCIDRSloppy, validateCIDR, validateIP } from "./ip";

/** Address types whose value is an IP address (the others, Hostname and *DNS, are names). */
const IP_ADDRESS_TYPES = new Set(["InternalIP", "ExternalIP"]);

/**
 * A node's InternalIP and ExternalIP addresses must be IPs. The API server does not look (ValidateNode
 * skips status; ValidateNodeUpdate only refuses duplicates), but a kubelet only ever reports addresses
 * it parsed, from --node-ip or the host's interfaces; a Node given with `300.1.1.1` could not come
 * from one, and nothing could route to it. It is refused here, worded as the API server words an IP
 * field, at the address itself.
 */
function validateNodeAddresses(node: Node): FieldError[] {
  const errs: FieldError[] = [];
  (node.status?.addresses ?? []).forEach((a, i) => {
    if (IP_ADDRESS_TYPES.has(a.type))
      errs.push(...validateIP(`status.addresses[${i}].address`, a.address ?? ""));
  });
  return errs;
}

const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

/** validateNodeTaints; ValidateNode passes `metadata` as the parent, hence `metadata.taints`. */
function validateNodeTaints(node: Node, path = "metadata.taints"): FieldError[] {
  const errs: FieldError[] = [];
  const unique = new Map<string, Set<string>>();
  (node.spec?.taints ?? []).forEach((t, i) => {
    const p = index(path, i);
    const value = t.value ?? "";
    errs.push(...validateLabelName(t.key ?? "", child(p, "key")));
    const v = isValidLabelValue(value);
    if (v.length) errs.push(invalid(child(p, "value"), value, v.join(";")));
    const effect = t.effect ?? "";
    if (!effect) errs.push(required(child(p, "effect")));
    else if (!TAINT_EFFECTS.includes(effect))
      errs.push(notSupported(child(p, "effect"), effect, TAINT_EFFECTS));
    const keys = unique.get(effect) ?? new Set<string>();
    if (keys.has(t.key)) {
      // %#v of the internal core.Taint gave way to JSON in 1.34; internal types carry no json tags.
      errs.push(
        duplicate(
          p,
          { Key: t.key, Value: value, Effect: effect, TimeAdded: null },
          "taints must be unique by key and effect pair",
        ),
      );
      return;
    }
    keys.add(t.key);
    unique.set(effect, keys);
  });
  return errs;
}

/** v1 → internal conversion fills podCIDRs from podCIDR when only the latter is set. */
const podCIDRsOf = (node: Node): string[] =>
  node.spec?.podCIDRs?.length ? node.spec.podCIDRs : node.spec?.podCIDR ? [node.spec.podCIDR] : [];

export function validateNode(node: Node): FieldError[] {
  const errs = validateObjectMeta(node.metadata, { namespaced: false, nameFn: validateNodeName });
  errs.push(...validateNodeTaints(node));
  errs.push(...validateNodeAddresses(node));
  const cidrs = podCIDRsOf(node);
  const path = "spec.podCIDRs";
  cidrs.forEach((c, i) => errs.push(...validateCIDR(index(path, i), c)));
  if (cidrs.length > 1) {
    const parsed = cidrs.map(parseCIDRSloppy);
    const bad = parsed.findIndex((p) => p === null);
    let dualStack = false;
    if (bad >= 0) {
      // netutils.ParseCIDRs' error, as IsDualStackCIDRStrings returns it.
      errs.push(
        internalError(
          path,
          `invalid PodCIDRs. failed to check with dual stack with error:invalid CIDR[${bad}]: <nil> (invalid CIDR address: ${cidrs[bad]})`,
        ),
      );
    } else {
      const f = familiesOf(parsed.map((p) => p!.ip));
      dualStack = f.v4 && f.v6;
    }
    if (!dualStack || cidrs.length > 2)
      errs.push(invalid(path, cidrs, "may specify no more than one CIDR for each IP family"));
    const seen = new Set<string>();
    cidrs.forEach((c, i) => {
      if (seen.has(c)) errs.push(duplicate(index(path, i), c));
      seen.add(c);
    });
  }
  return errs;
}
