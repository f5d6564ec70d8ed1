// Environment variables through the loader: a pod only sees Services created before it, by file order
// or, when both give one, by creationTimestamp (pkg/kubelet/kubelet_pods.go, getServiceEnvVarMap).
import { describe, expect, it } from "vitest";
import { load } from "../testing";
import { serviceEnv } from "./envVars";

const pod = (ts = "") =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: client${ts ? `, creationTimestamp: "${ts}"` : ""}}\nspec: {containers: [{name: c, image: busybox}]}\n---\n`;
const svc = (ts = "") =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: db${ts ? `, creationTimestamp: "${ts}"` : ""}}\nspec: {ports: [{port: 5432}]}\n---\n`;
const names = (yaml: string) => {
  const { cluster } = load(yaml);
  return serviceEnv(cluster, cluster.pods[0]!).map((e) => e.name);
};

describe("service environment variables follow creation order", () => {
  it("a Service later in the file than the pod is not in its environment", () => {
    expect(names(pod() + svc())).not.toContain("DB_SERVICE_HOST");
  });
  it("a Service earlier in the file is", () => {
    expect(names(svc() + pod())).toContain("DB_SERVICE_HOST");
  });
  it("creationTimestamps, when both objects give one, outrank file order", () => {
    expect(names(pod("2026-01-02T00:00:00Z") + svc("2026-01-01T00:00:00Z"))).toContain("DB_SERVICE_HOST");
  });
  it("pods made by a Deployment come after every object of the manifests", () => {
    const deploy = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: nginx}]}\n---\n`;
    expect(names(deploy + svc())).toContain("DB_SERVICE_HOST");
  });
});
