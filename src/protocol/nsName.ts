// "NS/NAME": how the engine, the CLI and the view name a namespaced object in one string.

/** "NS/NAME" read back as namespace and name; a bare NAME is in the default namespace. */
export function parseNsName(ref: string): { namespace: string; name: string } {
  const slash = ref.indexOf("/");
  // Names never hold a "/", so anything after the first one is the name, even "a/b/c" (found nowhere).
  return slash < 0
    ? { namespace: "default", name: ref }
    : { namespace: ref.slice(0, slash), name: ref.slice(slash + 1) };
}

/** The namespace of the cluster's own add-ons (CoreDNS): the view shows it only when asked to. */
export const SYSTEM_NAMESPACE = "kube-system";

/** Whether "NS/NAME" is in the cluster's own namespace, kube-system. */
export const inSystemNamespace = (ref: string): boolean => parseNsName(ref).namespace === SYSTEM_NAMESPACE;
