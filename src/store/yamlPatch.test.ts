import { describe, expect, it } from "vitest";
import { patchObject, ref } from "./yamlPatch";

const TEXT = `# my cluster
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web # the front end
spec:
  replicas: 3
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
`;

describe("patchObject", () => {
  it("changes one field of the named object and keeps comments", () => {
    const out = patchObject(TEXT, ref("Deployment", "default/web"), ["spec", "replicas"], 5)!;
    expect(out).toContain("replicas: 5");
    expect(out).toContain("# my cluster");
    expect(out).toContain("# the front end");
  });

  it("adds a field that was not there", () => {
    const out = patchObject(TEXT, ref("Service", "web"), ["spec", "externalTrafficPolicy"], "Local")!;
    expect(out).toMatch(/type: NodePort\n\s+externalTrafficPolicy: Local/);
  });

  it("deletes a field given undefined", () => {
    const out = patchObject(TEXT, ref("Service", "web"), ["spec", "type"], undefined)!;
    expect(out).not.toContain("type: NodePort");
  });

  it("returns null for an object the manifests do not contain", () => {
    expect(patchObject(TEXT, ref("Service", "api"), ["spec", "type"], "NodePort")).toBeNull();
  });

  it("returns null when the text has a syntax error", () => {
    expect(patchObject("kind: [", ref("Service", "web"), ["spec"], {})).toBeNull();
  });
});
