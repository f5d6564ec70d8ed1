// discovery.k8s.io/v1 EndpointSlice validation. Source: pkg/apis/discovery/validation/validation.go
// (ValidateEndpointSlice, validateEndpoints, validatePorts, validateAddressType, validateHints).
// IPv4/IPv6 addresses are checked for format and, again, against the special ranges
// (apivalidation.ValidateNonSpecialIP). Conditions, zone and the service-name label are not
// validated by the API server. Port numbers are not range-checked there either.
import type { FieldError } from "../diagnostics";
import type { EndpointSlice } from "../k8s";
import { child, duplicate, index, invalid, notSupported, required, tooMany } from "../field";
import {
  fqdnProblems,
  isQualifiedName,
  isValidLabelValue,
  SUPPORTED_PORT_PROTOCOLS,
  validateDNS1123Label,
  validateEndpointSliceName,
  validateNodeName,
} from "./names";
import { validateObjectMeta } from "./meta";
import { validateIPv4Address, validateIPv6Address, validateNonSpecialIP } from "./ip";

const MAX_ADDRESSES = 100;
const MAX_PORTS = 20000;
const MAX_ENDPOINTS = 1000;
const MAX_ZONE_HINTS = 8;
const MAX_NODE_HINTS = 8;

const SUPPORTED_ADDRESS_TYPES = ["FQDN", "IPv4", "IPv6"];

function validateAddress(addressType: string, address: string, path: string): FieldError[] {
  switch (addressType) {
    case "IPv4":
      return [...validateIPv4Address(path, address), ...validateNonSpecialIP(path, address)];
    case "IPv6":
      return [...validateIPv6Address(path, address), ...validateNonSpecialIP(path, address)];
    case "FQDN": {
      const p = fqdnProblems(address);
      if (p === null) return [];
      return p === "required" ? [required(path)] : [invalid(path, p.value, p.detail)];
    }
  }
  return []; // unknown types fall through unvalidated, as in Go
}

type Hints = NonNullable<EndpointSlice["endpoints"][number]["hints"]>;

function validateHints(hints: Hints, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const zones = hints.forZones ?? [];
  const fz = child(path, "forZones");
  if (zones.length > MAX_ZONE_HINTS) return [tooMany(fz, zones.length, MAX_ZONE_HINTS)];
  const seenZones = new Set<string>();
  zones.forEach((z, i) => {
    const p = child(index(fz, i), "name");
    const name = z.name ?? "";
    if (seenZones.has(name)) errs.push(duplicate(p, name));
    else seenZones.add(name);
    errs.push(...isValidLabelValue(name).map((m) => invalid(p, name, m)));
  });
  // forNodes (PreferSameNode, 1.33+): written from the Go source's pattern for forZones.
  const nodes = hints.forNodes ?? [];
  const fn = child(path, "forNodes");
  if (nodes.length > MAX_NODE_HINTS) return [...errs, tooMany(fn, nodes.length, MAX_NODE_HINTS)];
  const seenNodes = new Set<string>();
  nodes.forEach((n, i) => {
    const p = child(index(fn, i), "name");
    const name = n.name ?? "";
    if (seenNodes.has(name)) errs.push(duplicate(p, name));
    else seenNodes.add(name);
    errs.push(...validateNodeName(name, false).map((m) => invalid(p, name, m)));
  });
  return errs;
}

export function validateEndpointSlice(slice: EndpointSlice): FieldError[] {
  const errs = validateObjectMeta(slice.metadata, { namespaced: true, nameFn: validateEndpointSliceName });
  const addressType = slice.addressType ?? "";
  if (!addressType) errs.push(required("addressType"));
  else if (!SUPPORTED_ADDRESS_TYPES.includes(addressType))
    errs.push(notSupported("addressType", addressType, SUPPORTED_ADDRESS_TYPES));

  const endpoints = slice.endpoints ?? [];
  if (endpoints.length > MAX_ENDPOINTS) errs.push(tooMany("endpoints", endpoints.length, MAX_ENDPOINTS));
  else
    endpoints.forEach((ep, i) => {
      const p = index("endpoints", i);
      const ap = child(p, "addresses");
      const addresses = ep.addresses ?? [];
      if (addresses.length === 0) errs.push(required(ap, "must contain at least 1 address"));
      else if (addresses.length > MAX_ADDRESSES) errs.push(tooMany(ap, addresses.length, MAX_ADDRESSES));
      addresses.forEach((a, j) => errs.push(...validateAddress(addressType, a, index(ap, j))));
      if (ep.nodeName !== undefined)
        errs.push(
          ...validateNodeName(ep.nodeName, false).map((m) => invalid(child(p, "nodeName"), ep.nodeName, m)),
        );
      if (ep.hostname !== undefined) errs.push(...validateDNS1123Label(ep.hostname, child(p, "hostname")));
      if (ep.hints) errs.push(...validateHints(ep.hints, child(p, "hints")));
    });

  const ports = slice.ports ?? [];
  if (ports.length > MAX_PORTS) errs.push(tooMany("ports", ports.length, MAX_PORTS));
  else {
    const names = new Set<string>();
    ports.forEach((port, i) => {
      const p = index("ports", i);
      const name = port.name ?? ""; // defaulted to "" by SetDefaults_EndpointPort
      if (name) errs.push(...validateDNS1123Label(name, child(p, "name")));
      if (names.has(name)) errs.push(duplicate(child(p, "name"), name));
      else names.add(name);
      const protocol = port.protocol || "TCP"; // defaulted
      if (!SUPPORTED_PORT_PROTOCOLS.includes(protocol))
        errs.push(notSupported(child(p, "protocol"), protocol, SUPPORTED_PORT_PROTOCOLS));
      if (port.appProtocol !== undefined)
        errs.push(
          ...isQualifiedName(port.appProtocol).map((m) =>
            invalid(child(p, "appProtocol"), port.appProtocol, m),
          ),
        );
    });
  }
  return errs;
}
