import { describe, expect, it } from "vitest";
import { cluster } from "./fixtures.test-util";
import { objectYaml } from "./objectYaml";

const yaml = `apiVersion: v1
kind: Node
metadata:
  name: node-1
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort # the one
`;

describe("objectYaml", () => {
  it("takes a written object from the manifests, comments and all", () => {
    expect(objectYaml(yaml, { kind: "svc", name: "default/web" }, null)).toEqual({
      text: expect.stringContaining("type: NodePort # the one"),
      source: "manifest",
    });
    expect(objectYaml(yaml, { kind: "node", name: "node-1" }, null)?.text).toContain("name: node-1");
  });
  it("summarises a pod a controller made", () => {
    const y = objectYaml(yaml, { kind: "pod", name: "default/web-1" }, cluster);
    expect([
      y?.source,
      y?.text.includes("podIP: 10.244.1.2"),
      y?.text.includes("ownedBy: default/web"),
    ]).toEqual(["summary", true, true]);
  });
  it("has nothing for clients", () => {
    expect(objectYaml(yaml, { kind: "client", name: "laptop" }, cluster)).toBeNull();
  });
});
