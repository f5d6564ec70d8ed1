import { describe, expect, it } from "vitest";
import { objectName } from "./kinds";

describe("objectName: how diagnostics name an object", () => {
  it("names a namespaced kind Kind/namespace/name, in default when no namespace is given", () => {
    expect(objectName("Service", "shop", "web")).toBe("Service/shop/web");
    expect(objectName("Service", undefined, "web")).toBe("Service/default/web");
  });

  it.each(["ConfigMap", "Ingress", "Secret", "StatefulSet", "NetworkPolicy"])(
    "names %s, read but not modelled, Kind/namespace/name too",
    (kind) => {
      expect(objectName(kind, undefined, "x")).toBe(`${kind}/default/x`);
      expect(objectName(kind, "shop", "x")).toBe(`${kind}/shop/x`);
    },
  );

  it("takes a custom kind as namespaced", () => {
    expect(objectName("Certificate", "shop", "tls")).toBe("Certificate/shop/tls");
    expect(objectName("Certificate", undefined, "tls")).toBe("Certificate/default/tls");
  });

  it.each(["Node", "Namespace", "ClusterRole", "IngressClass", "PersistentVolume", "StorageClass"])(
    "names the cluster-scoped %s Kind/name, whatever namespace the manifest gives",
    (kind) => {
      expect(objectName(kind, "shop", "x")).toBe(`${kind}/x`);
    },
  );

  it("names a nameless cluster-scoped object by its kind alone, as the ClusterConfig usually is", () => {
    expect(objectName("ClusterConfig", undefined, "")).toBe("ClusterConfig");
  });

  it("takes __proto__ as a kind like any unknown one", () => {
    expect(objectName("__proto__", undefined, "x")).toBe("__proto__/default/x");
  });
});
