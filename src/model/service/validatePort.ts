// validateServicePort (pkg/apis/core/validation/validation.go).
import type { FieldError } from "../diagnostics";
import { duplicate, invalid, notSupported, required } from "../field";
import type { ServicePort } from "../k8s";
import {
  isValidPortNum,
  SUPPORTED_PORT_PROTOCOLS,
  validateDNS1123Label,
  validatePortNumOrName,
  validateQualifiedName,
} from "../validation/names";

export function validateServicePort(
  sp: ServicePort,
  requireName: boolean,
  names: Set<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const name = sp.name ?? "";
  if (requireName && name.length === 0) {
    errs.push(required(`${path}.name`));
  } else if (name.length !== 0) {
    errs.push(...validateDNS1123Label(name, `${path}.name`));
    if (names.has(name)) errs.push(duplicate(`${path}.name`, name));
    else names.add(name);
  }

  for (const m of isValidPortNum(sp.port)) errs.push(invalid(`${path}.port`, sp.port, m));

  if (!sp.protocol) errs.push(required(`${path}.protocol`));
  else if (!SUPPORTED_PORT_PROTOCOLS.includes(sp.protocol)) {
    errs.push(notSupported(`${path}.protocol`, sp.protocol, SUPPORTED_PORT_PROTOCOLS));
  }

  // Defaulting leaves targetPort set; an undecoded 0 reads as the int zero value.
  errs.push(...validatePortNumOrName(sp.targetPort ?? 0, `${path}.targetPort`));

  if (sp.appProtocol !== undefined)
    errs.push(...validateQualifiedName(sp.appProtocol, `${path}.appProtocol`));
  // In v1, targetPort on headless Services is tolerated (validation.go keeps that check disabled).
  return errs;
}
