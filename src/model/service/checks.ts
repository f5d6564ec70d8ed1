// Value checks the Service validation calls, worded as k8s.io/apimachinery words them
// (pkg/util/validation/validation.go, ip.go; pkg/api/validate/content/kube.go) and as
// pkg/apis/core/validation/validation.go wraps them into field errors.
import type { FieldError } from "../diagnostics";
import { invalid } from "../field";
import { parseIP, type IP } from "../ip";
import { isDNS1123Label, isDNS1123Subdomain } from "../validation/names";

const DNS1123_SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * IsDNS1123Label as current apimachinery has it: a value that would be a valid subdomain fails with
 * "must not contain dots" rather than the regex text (validation/names.ts predates that change).
 */
export function dns1123LabelErrors(value: string): string[] {
  const errs = isDNS1123Label(value);
  if (errs.length === 0) return errs;
  const tooLong = value.length > 63;
  const regexFailed = errs.length > (tooLong ? 1 : 0);
  if (regexFailed && DNS1123_SUBDOMAIN_RE.test(value))
    return [...(tooLong ? [errs[0]!] : []), "must not contain dots"];
  return errs;
}

export const validateDNS1123Label = (value: string, path: string): FieldError[] =>
  dns1123LabelErrors(value).map((m) => invalid(path, value, m));

export const validateDNS1123Subdomain = (value: string, path: string): FieldError[] =>
  isDNS1123Subdomain(value).map((m) => invalid(path, value, m));

export const inclusiveRangeError = (lo: number, hi: number) => `must be between ${lo} and ${hi}, inclusive`;

/** IsValidPortNum. */
export const portNumErrors = (port: number): string[] =>
  Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];

/** IsValidPortName: an IANA_SVC_NAME. */
export function portNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push("must be no more than 15 characters");
  if (!/^[-a-z0-9]+$/.test(port))
    errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(port)) errs.push("must contain at least one letter (a-z)");
  if (port.includes("--")) errs.push("must not contain consecutive hyphens");
  if (port.length > 0 && (port.startsWith("-") || port.endsWith("-")))
    errs.push("must not begin or end with a hyphen");
  return errs;
}

/** ValidatePortNumOrName: a number is a port, a string is a port name (even "8080"). */
export function validatePortNumOrName(port: number | string, path: string): FieldError[] {
  if (typeof port === "number") return portNumErrors(port).map((m) => invalid(path, port, m));
  return portNameErrors(port).map((m) => invalid(path, port, m));
}

function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(" or ")}regex used for validation is '${fmt}')`;
}

const LABEL_KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_KEY_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
// content.MaxLenError (api/validate/content/errors.go) says "bytes".
const contentMaxLen = (n: number) => `must be no more than ${n} bytes`;

/** IsQualifiedName / content.IsLabelKey. */
export function qualifiedNameErrors(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split("/");
  let name: string;
  if (parts.length === 1) {
    name = parts[0]!;
  } else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push("prefix part must be non-empty");
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a valid label key ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push("name part must be non-empty");
  else if (name.length > 63) errs.push(`name part ${contentMaxLen(63)}`);
  if (!new RegExp(`^${LABEL_KEY_FMT}$`).test(name)) {
    errs.push(`name part ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")}`);
  }
  return errs;
}

export const validateQualifiedName = (value: string, path: string): FieldError[] =>
  qualifiedNameErrors(value).map((m) => invalid(path, value, m));

const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;

/** IsValidLabelValue / content.IsLabelValue. */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(contentMaxLen(63));
  if (!new RegExp(`^${LABEL_VALUE_FMT}$`).test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        "MyValue",
        "my_value",
        "12345",
      ),
    );
  }
  return errs;
}

/** metav1validation.ValidateLabels: every error at the map's own path, keys in the object's order. */
export function validateLabels(labels: Record<string, string>, path: string): FieldError[] {
  const out: FieldError[] = [];
  for (const [k, v] of Object.entries(labels)) {
    out.push(...validateQualifiedName(k, path));
    out.push(...labelValueErrors(String(v)).map((m) => invalid(path, v, m)));
  }
  return out;
}

/** netutils.ParseIPSloppy: like netip but IPv4 octets may carry leading zeros (read as decimal). */
export function parseIPSloppy(s: unknown): IP | null {
  if (typeof s !== "string") return null;
  const unzero = (v4: string) =>
    /^\d+(\.\d+){3}$/.test(v4)
      ? v4
          .split(".")
          .map((o) => (Number(o) > 255 ? o : String(Number(o))))
          .join(".")
      : v4;
  const colon = s.lastIndexOf(":");
  return parseIP(colon < 0 ? unzero(s) : s.slice(0, colon + 1) + unzero(s.slice(colon + 1)));
}

/** Go's net.IP family: an IPv4-mapped IPv6 address counts as IPv4 (To4() != nil). */
export function goFamily(ip: IP): 4 | 6 {
  return ip.family === 6 && ip.value >> 32n === 0xffffn ? 4 : ip.family;
}

/** The address as Go's net.IP would hold it in 4 bytes when it has an IPv4 form. */
const asV4 = (ip: IP): bigint | null => (goFamily(ip) === 4 ? ip.value & 0xffffffffn : null);

export const validIPDetail = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

/** validation.IsValidIP. */
export const validateIP = (value: string, path: string): FieldError[] =>
  parseIPSloppy(value) ? [] : [invalid(path, value, validIPDetail)];

/** validation.IsValidCIDR (ParseCIDRSloppy). */
export function validateCIDR(value: string, path: string): FieldError[] {
  const slash = value.indexOf("/");
  const ok =
    slash > 0 &&
    parseIPSloppy(value.slice(0, slash)) !== null &&
    /^\d+$/.test(value.slice(slash + 1)) &&
    Number(value.slice(slash + 1)) <= (value.includes(":") ? 128 : 32);
  return ok ? [] : [invalid(path, value, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)")];
}

/** ValidateNonSpecialIP: no unspecified, loopback, link-local or link-local multicast addresses. */
export function validateNonSpecialIP(value: string, path: string): FieldError[] {
  const ip = parseIPSloppy(value);
  if (!ip) return [invalid(path, value, "must be a valid IP address")];
  const v4 = asV4(ip);
  const v6 = ip.value;
  const out: FieldError[] = [];
  if (v4 !== null ? v4 === 0n : v6 === 0n)
    out.push(invalid(path, value, `may not be unspecified (${value})`));
  if (v4 !== null ? v4 >> 24n === 127n : v6 === 1n) {
    out.push(invalid(path, value, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
  }
  if (v4 !== null ? v4 >> 16n === 0xa9fen : v6 >> 118n === 0x3fan) {
    out.push(invalid(path, value, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
  }
  // Go: 224.0.0.0/24, or ff?2::/16 (any multicast flags, link-local scope).
  if (v4 !== null ? v4 >> 8n === 0xe00000n : v6 >> 120n === 0xffn && ((v6 >> 112n) & 0xfn) === 2n) {
    out.push(invalid(path, value, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
  }
  return out;
}
