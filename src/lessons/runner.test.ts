import { describe, expect, it } from "vitest";
import type { ClusterSummary } from "../protocol/messages";
import { clusterIPOf } from "./runner";

const cluster = {
  nodes: [],
  pods: [],
  clients: [],
  services: [
    {
      name: "default/crane-http",
      type: "ClusterIP",
      clusterIP: "10.103.75.8",
      ports: [{ name: null, protocol: "TCP", port: 8080, nodePort: null }],
      externalTrafficPolicy: null,
      internalTrafficPolicy: null,
      sessionAffinity: "None",
      selector: { app: "crane" },
      externalName: null,
      loadBalancerIPs: [],
    },
  ],
} satisfies ClusterSummary;

describe("clusterIPOf", () => {
  it("finds a Service by namespace/name or by its bare name in default", () => {
    expect(clusterIPOf("default/crane-http")(cluster)).toBe("10.103.75.8:8080");
    expect(clusterIPOf("crane-http", 80)(cluster)).toBe("10.103.75.8:80");
  });
});
