// core/v1 Endpoints validation. Source: pkg/apis/core/validation/validation.go (ValidateEndpoints,
// validateEndpointSubsets, validateEndpointAddress, ValidateNonSpecialIP, validateEndpointPort).
// Newest code validates the IP format and the special ranges independently (no early return).
import type { FieldError } from "../diagnostics";
import type { EndpointAddress, EndpointPort, Endpoints } from "../k8s";
import { child, index, invalid, notSupported, required } from "../field";
import {
  isQualifiedName,
  isValidPortNum,
  SUPPORTED_PORT_PROTOCOLS,
  validateDNS1123Label,
  validateEndpointsName,
  validateNodeName,
} from "./names";
import { validateObjectMeta } from "./meta";
import { validateIP, validateNonSpecialIP } from "./ip";

function validateEndpointAddress(a: EndpointAddress, path: string): FieldError[] {
  const ip = a.ip ?? "";
  const errs = validateIP(child(path, "ip"), ip);
  if (a.hostname) errs.push(...validateDNS1123Label(a.hostname, child(path, "hostname")));
  if (a.nodeName !== undefined)
    errs.push(
      ...validateNodeName(a.nodeName, false).map((m) => invalid(child(path, "nodeName"), a.nodeName, m)),
    );
  errs.push(...validateNonSpecialIP(child(path, "ip"), ip));
  return errs;
}

function validateEndpointPort(p: EndpointPort, requireName: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = p.name ?? "";
  if (requireName && !name) errs.push(required(child(path, "name")));
  else if (name) errs.push(...validateDNS1123Label(name, child(path, "name")));
  errs.push(...isValidPortNum(p.port ?? 0).map((m) => invalid(child(path, "port"), p.port ?? 0, m)));
  const protocol = p.protocol || "TCP"; // defaulted by SetDefaults_EndpointPort
  if (!SUPPORTED_PORT_PROTOCOLS.includes(protocol))
    errs.push(notSupported(child(path, "protocol"), protocol, SUPPORTED_PORT_PROTOCOLS));
  if (p.appProtocol !== undefined)
    errs.push(
      ...isQualifiedName(p.appProtocol).map((m) => invalid(child(path, "appProtocol"), p.appProtocol, m)),
    );
  return errs;
}

export function validateEndpoints(ep: Endpoints): FieldError[] {
  const errs = validateObjectMeta(ep.metadata, { namespaced: true, nameFn: validateEndpointsName });
  (ep.subsets ?? []).forEach((ss, i) => {
    const p = index("subsets", i);
    if (!ss.addresses?.length && !ss.notReadyAddresses?.length)
      errs.push(required(p, "must specify `addresses` or `notReadyAddresses`"));
    (ss.addresses ?? []).forEach((a, j) =>
      errs.push(...validateEndpointAddress(a, index(child(p, "addresses"), j))),
    );
    (ss.notReadyAddresses ?? []).forEach((a, j) =>
      errs.push(...validateEndpointAddress(a, index(child(p, "notReadyAddresses"), j))),
    );
    const ports = ss.ports ?? [];
    ports.forEach((port, j) =>
      errs.push(...validateEndpointPort(port, ports.length > 1, index(child(p, "ports"), j))),
    );
  });
  return errs;
}
