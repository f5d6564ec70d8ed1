// Name and label checks worded as Kubernetes words them. Each returns the list of problems (empty when
// valid), as the Go functions do. Sources:
// - apimachinery/pkg/util/validation/validation.go (DNS names, ports: "must be no more than N characters")
// - apimachinery/pkg/api/validate/content/kube.go, errors.go (label keys and values; newest
//   content.MaxLenError says "bytes", which is what 1.34+ servers print for labels)
// - apimachinery/pkg/api/validation/generic.go (NameIsDNSSubdomain & co. with the generateName mask)
// - pkg/apis/core/validation/validation.go (ValidateDNS1123Label & co.: each problem as field.Invalid)
import type { FieldError } from "../diagnostics";
import { invalid } from "../field";

function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((e, i) => {
    if (i > 0) out += " or ";
    out += `'${e}', `;
  });
  return `${out}regex used for validation is '${fmt}')`;
}

const maxLenError = (n: number) => `must be no more than ${n} characters`;
/** content.MaxLenError, used for label keys and values. */
const maxBytesError = (n: number) => `must be no more than ${n} bytes`;
const emptyError = () => "must be non-empty";
const inclusiveRangeError = (lo: number, hi: number) => `must be between ${lo} and ${hi}, inclusive`;

/** Go's len(): bytes of the UTF-8 encoding. */
export function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

const DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!DNS1123_LABEL_RE.test(value)) {
    // A valid subdomain that is not a label can only be one with dots (length was checked above).
    if (DNS1123_SUBDOMAIN_RE.test(value)) errs.push("must not contain dots");
    else
      errs.push(
        regexError(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
          DNS1123_LABEL_FMT,
          "my-name",
          "123-abc",
        ),
      );
  }
  return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN_RE.test(value))
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_FMT,
        "example.com",
      ),
    );
  return errs;
}

const DNS1123_LABEL_US_FMT = "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN_US_FMT = `${DNS1123_LABEL_US_FMT}(\\.${DNS1123_LABEL_US_FMT})*`;
const DNS1123_SUBDOMAIN_US_RE = new RegExp(`^${DNS1123_SUBDOMAIN_US_FMT}$`);
/** IsDNS1123SubdomainWithUnderscore (pod dnsConfig.searches under RelaxedDNSSearchValidation). */
export function isDNS1123SubdomainWithUnderscore(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN_US_RE.test(value))
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_US_FMT,
        "example.com",
      ),
    );
  return errs;
}

const DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
const DNS1035_LABEL_RE = new RegExp(`^${DNS1035_LABEL_FMT}$`);
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!DNS1035_LABEL_RE.test(value))
    errs.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        DNS1035_LABEL_FMT,
        "my-name",
        "abc-123",
      ),
    );
  return errs;
}

// ---- Label keys (qualified names) and values ----

const LABEL_KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_KEY_RE = new RegExp(`^${LABEL_KEY_FMT}$`);
const LABEL_KEY_ERR =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** supportedPortProtocols (pkg/apis/core/validation) as sets.List prints it: sorted. */
export const SUPPORTED_PORT_PROTOCOLS: readonly string[] = ["SCTP", "TCP", "UDP"];

/** IsQualifiedName / content.IsLabelKey: an optional DNS subdomain prefix and '/', then a name. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split("/");
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a valid label key ${regexError(LABEL_KEY_ERR, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (byteLength(name) > 63) errs.push(`name part ${maxBytesError(63)}`);
  if (!LABEL_KEY_RE.test(name))
    errs.push(`name part ${regexError(LABEL_KEY_ERR, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")}`);
  return errs;
}

const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxBytesError(63));
  if (!LABEL_VALUE_RE.test(value))
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        "MyValue",
        "my_value",
        "12345",
      ),
    );
  return errs;
}

// ---- Ports ----

export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** IsValidPortName: an IANA_SVC_NAME (RFC 6335), lower case only. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (byteLength(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port))
    errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(port)) errs.push("must contain at least one letter (a-z)");
  if (port.includes("--")) errs.push("must not contain consecutive hyphens");
  if (port.length > 0 && (port.startsWith("-") || port.endsWith("-")))
    errs.push("must not begin or end with a hyphen");
  return errs;
}

// ---- Field errors (core validation.go wraps each problem in field.Invalid at the field's path) ----

const asFieldErrors =
  (check: (value: string) => string[]) =>
  (value: string, path: string): FieldError[] =>
    check(value).map((m) => invalid(path, value, m));

export const validateDNS1123Label = asFieldErrors(isDNS1123Label);
export const validateDNS1123Subdomain = asFieldErrors(isDNS1123Subdomain);
export const validateQualifiedName = asFieldErrors(isQualifiedName);

/** ValidatePortNumOrName: a number is a port, a string is a port name (even "8080"). */
export function validatePortNumOrName(port: number | string, path: string): FieldError[] {
  if (typeof port === "number") return isValidPortNum(port).map((m) => invalid(path, port, m));
  return isValidPortName(port).map((m) => invalid(path, port, m));
}

// ---- Object names per kind (generic.go, core validation.go, discovery and apps validation) ----

/** (name, prefix) => problems; prefix is true when checking a generateName. */
export type NameFn = (name: string, prefix: boolean) => string[];

// maskTrailingDash: a generateName may end in '-' because a suffix follows it.
const maskTrailingDash = (name: string) =>
  name.length > 1 && name.endsWith("-") ? `${name.slice(0, -2)}a` : name;

export const nameIsDNSSubdomain: NameFn = (name, prefix) =>
  isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
const nameIsDNSLabel: NameFn = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
const nameIsDNS1035Label: NameFn = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);

export const validatePodName = nameIsDNSSubdomain;
export const validateNodeName = nameIsDNSSubdomain;
export const validateEndpointsName = nameIsDNSSubdomain;
export const validateEndpointSliceName = nameIsDNSSubdomain;
export const validateDeploymentName = nameIsDNSSubdomain;
export const validateReplicaSetName = nameIsDNSSubdomain;
export const validateServiceName = nameIsDNS1035Label;
export const validateNamespaceName = nameIsDNSLabel;

// ---- Domain names ----

/** IsFullyQualifiedDomainName (EndpointSlice FQDN addresses); returns field errors for `path`. */
export function fqdnProblems(name: string): { value: string; detail: string } | "required" | null {
  if (name.length === 0) return "required";
  const n = name.endsWith(".") ? name.slice(0, -1) : name;
  const sub = isDNS1123Subdomain(n);
  if (sub.length) return { value: n, detail: sub.join(",") };
  const labels = n.split(".");
  if (labels.length < 2)
    return { value: n, detail: "should be a domain with at least two segments separated by dots" };
  for (const l of labels) {
    const e = isDNS1123Label(l);
    if (e.length) return { value: l, detail: e.join(",") };
  }
  return null;
}
