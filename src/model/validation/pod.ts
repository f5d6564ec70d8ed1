// Pod validation as the API server does it on create, for the parts Kube Hops models.
// Source: pkg/apis/core/validation/validation.go (validatePodMetadataAndSpec, ValidatePodSpec,
// validateContainers, validateContainerCommon, validateContainerPorts, checkHostPortConflicts,
// validatePodHostNetworkDeps, validateDNSPolicy, validatePodDNSConfig, validatePodIPs).
// Manifests arrive undefaulted, so the v1 defaults that would fill a field before validation are
// applied here (protocol TCP, dnsPolicy ClusterFirst, hostPort = containerPort under hostNetwork).
import type { FieldError } from "../diagnostics";
import type { Container, Pod, PodSpec } from "../k8s";
import { child, duplicate, index, internalError, invalid, notSupported, required } from "../field";
import {
  isDNS1123SubdomainWithUnderscore,
  isValidPortName,
  isValidPortNum,
  SUPPORTED_PORT_PROTOCOLS,
  validateDNS1123Label,
  validateNodeName,
  validatePodName,
} from "./names";
import { validateLabels, validateObjectMeta } from "./meta";
import { familiesOf, parseIPSloppy, validateIP } from "./ip";

/** MaxDNSNameservers, MaxDNSSearchPaths, MaxDNSSearchListChars: kubelet forms resolv.conf within them. */
export const MAX_DNS_NAMESERVERS = 3;
export const MAX_DNS_SEARCH_PATHS = 32;
export const MAX_DNS_SEARCH_LIST_CHARS = 2048;

const DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];

interface PodSpecOptions {
  /** The spec is a Pod's own, not a template's (hostPort must then equal containerPort under hostNetwork). */
  resourceIsPod: boolean;
}

function validateContainerPorts(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (c.ports ?? []).forEach((port, i) => {
    const p = index(path, i);
    const name = port.name ?? "";
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) errs.push(...msgs.map((m) => invalid(child(p, "name"), name, m)));
      else if (names.has(name)) errs.push(duplicate(child(p, "name"), name));
      else names.add(name);
    }
    if (!port.containerPort) errs.push(required(child(p, "containerPort")));
    else
      errs.push(
        ...isValidPortNum(port.containerPort).map((m) =>
          invalid(child(p, "containerPort"), port.containerPort, m),
        ),
      );
    if (port.hostPort)
      errs.push(...isValidPortNum(port.hostPort).map((m) => invalid(child(p, "hostPort"), port.hostPort, m)));
    const protocol = port.protocol || "TCP";
    if (!SUPPORTED_PORT_PROTOCOLS.includes(protocol))
      errs.push(notSupported(child(p, "protocol"), protocol, SUPPORTED_PORT_PROTOCOLS));
  });
  return errs;
}

function validateContainerCommon(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = c.name ?? "";
  if (!name) errs.push(required(child(path, "name")));
  else errs.push(...validateDNS1123Label(name, child(path, "name")));
  if (!c.image) errs.push(required(child(path, "image")));
  errs.push(...validateContainerPorts(c, child(path, "ports")));
  return errs;
}

/** hostPort after v1 defaulting: under hostNetwork an unset hostPort becomes the containerPort. */
const effectiveHostPort = (spec: PodSpec, port: { hostPort?: number; containerPort: number }) =>
  spec.hostNetwork && !port.hostPort ? port.containerPort : (port.hostPort ?? 0);

function checkHostPortConflicts(spec: PodSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (spec.containers ?? []).forEach((c, ci) =>
    (c.ports ?? []).forEach((port, pi) => {
      const hostPort = effectiveHostPort(spec, port);
      if (!hostPort) return;
      const key = `${port.protocol || "TCP"}/${port.hostIP ?? ""}/${hostPort}`;
      if (seen.has(key))
        errs.push(duplicate(child(index(child(index(path, ci), "ports"), pi), "hostPort"), key));
      else seen.add(key);
    }),
  );
  return errs;
}

function validateContainers(spec: PodSpec, path: string): FieldError[] {
  const containers = spec.containers ?? [];
  if (containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, p));
    if (names.has(c.name ?? "")) errs.push(duplicate(child(p, "name"), c.name ?? ""));
    else names.add(c.name ?? "");
  });
  errs.push(...checkHostPortConflicts(spec, path));
  return errs;
}

function validatePodHostNetworkDeps(spec: PodSpec, path: string, opts: PodSpecOptions): FieldError[] {
  if (!spec.hostNetwork) return [];
  const errs: FieldError[] = [];
  (spec.containers ?? []).forEach((c, ci) =>
    (c.ports ?? []).forEach((port, pi) => {
      const hp = effectiveHostPort(spec, port);
      if ((opts.resourceIsPod || hp !== 0) && hp !== port.containerPort)
        errs.push(
          invalid(
            child(index(child(index(child(path, "containers"), ci), "ports"), pi), "hostPort"),
            hp,
            "must match `containerPort` when `hostNetwork` is true",
          ),
        );
    }),
  );
  return errs;
}

function validateDNSPolicy(policy: string, path: string): FieldError[] {
  return DNS_POLICIES.includes(policy) ? [] : [notSupported(path, policy, DNS_POLICIES)];
}

function validatePodDNSConfig(spec: PodSpec, dnsPolicy: string, path: string): FieldError[] {
  const cfg = spec.dnsConfig;
  if (dnsPolicy === "None") {
    if (!cfg) return [required(path, "must provide `dnsConfig` when `dnsPolicy` is None")];
    if (!cfg.nameservers?.length)
      return [
        required(
          child(path, "nameservers"),
          "must provide at least one DNS nameserver when `dnsPolicy` is None",
        ),
      ];
  }
  if (!cfg) return [];
  const errs: FieldError[] = [];
  const nameservers = cfg.nameservers ?? [];
  if (nameservers.length > MAX_DNS_NAMESERVERS)
    errs.push(
      invalid(
        child(path, "nameservers"),
        nameservers,
        `must not have more than ${MAX_DNS_NAMESERVERS} nameservers`,
      ),
    );
  nameservers.forEach((ns, i) => errs.push(...validateIP(index(child(path, "nameservers"), i), ns)));
  const searches = cfg.searches ?? [];
  if (searches.length > MAX_DNS_SEARCH_PATHS)
    errs.push(
      invalid(
        child(path, "searches"),
        searches,
        `must not have more than ${MAX_DNS_SEARCH_PATHS} search paths`,
      ),
    );
  if (searches.join(" ").length > MAX_DNS_SEARCH_LIST_CHARS)
    errs.push(
      invalid(
        child(path, "searches"),
        searches,
        `must not have more than ${MAX_DNS_SEARCH_LIST_CHARS} characters (including spaces) in the search list`,
      ),
    );
  // RelaxedDNSSearchValidation (on by default since 1.33): "." alone is allowed, and underscores.
  searches.forEach((s, i) => {
    if (s === ".") return;
    const trimmed = s.endsWith(".") ? s.slice(0, -1) : s;
    errs.push(
      ...isDNS1123SubdomainWithUnderscore(trimmed).map((m) =>
        invalid(index(child(path, "searches"), i), trimmed, m),
      ),
    );
  });
  (cfg.options ?? []).forEach((o, i) => {
    if (!o.name) errs.push(required(index(child(path, "options"), i), "must not be empty"));
  });
  return errs;
}

/** ValidatePodSpec for the modelled fields; `path` is `spec` or `spec.template.spec`. */
export function validatePodSpec(spec: PodSpec | undefined, path: string, opts: PodSpecOptions): FieldError[] {
  const s: PodSpec = spec ?? { containers: [] };
  const errs: FieldError[] = [];
  errs.push(...validateContainers(s, child(path, "containers")));
  errs.push(...validatePodHostNetworkDeps(s, path, opts));
  const dnsPolicy = s.dnsPolicy || "ClusterFirst";
  errs.push(...validateDNSPolicy(dnsPolicy, child(path, "dnsPolicy")));
  errs.push(...validateLabels(s.nodeSelector, child(path, "nodeSelector")));
  errs.push(...validatePodDNSConfig(s, dnsPolicy, child(path, "dnsConfig")));
  if (s.nodeName)
    errs.push(
      ...validateNodeName(s.nodeName, false).map((m) => invalid(child(path, "nodeName"), s.nodeName, m)),
    );
  if (s.hostname) errs.push(...validateDNS1123Label(s.hostname, child(path, "hostname")));
  if (s.subdomain) errs.push(...validateDNS1123Label(s.subdomain, child(path, "subdomain")));
  return errs;
}

/** validatePodIPs (run on status updates; applied here to a manifest's status if it has one). */
function validatePodIPs(pod: Pod): FieldError[] {
  const st = pod.status ?? {};
  const ips = st.podIPs?.length ? st.podIPs.map((p) => p.ip) : st.podIP ? [st.podIP] : [];
  const path = "status.podIPs";
  const errs: FieldError[] = [];
  ips.forEach((ip, i) => errs.push(...validateIP(index(path, i), ip)));
  if (ips.length > 1) {
    const parsed = ips.map(parseIPSloppy);
    let dualStack = false;
    if (parsed.some((p) => p === null)) {
      // netutils.IsDualStackIPs on an unparsable entry (wording from k8s.io/utils/net, doubtful).
      errs.push(internalError(path, "failed to check for dual stack with error:ip <nil> is invalid"));
    } else {
      const f = familiesOf(parsed.filter((p) => p !== null));
      dualStack = f.v4 && f.v6;
    }
    if (!dualStack || ips.length > 2)
      errs.push(
        invalid(
          path,
          ips.map((ip) => ({ IP: ip })),
          "may specify no more than one IP for each IP family",
        ),
      );
    const seen = new Set<string>();
    ips.forEach((ip, i) => {
      if (seen.has(ip)) errs.push(duplicate(index(path, i), { IP: ip }));
      seen.add(ip);
    });
  }
  return errs;
}

/** ValidatePodCreate for the modelled fields, plus status IPs when a manifest carries them. */
export function validatePod(pod: Pod): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, { namespaced: true, nameFn: validatePodName });
  errs.push(...validatePodSpec(pod.spec, "spec", { resourceIsPod: true }));
  (pod.spec?.containers ?? []).forEach((c, i) => {
    const image = c.image ?? "";
    if (image.length !== image.trim().length)
      errs.push(
        invalid(
          child(index("spec.containers", i), "image"),
          image,
          "must not have leading or trailing whitespace",
        ),
      );
  });
  errs.push(...validatePodIPs(pod));
  return errs;
}
