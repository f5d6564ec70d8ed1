// A shared test cluster for the DNS tests: the shapes the Kubernetes DNS spec describes.
import type { Cluster } from "../cluster";
import { endpoint, makeCluster, pod, service, slice } from "./fixtures";

export const web = service("shop", "web", {
  type: "ClusterIP",
  clusterIP: "10.96.0.12",
  clusterIPs: ["10.96.0.12"],
  selector: { app: "web" },
  ports: [
    { name: "http", port: 80, protocol: "TCP", targetPort: 8080 },
    { name: "metrics", port: 9090, protocol: "TCP", targetPort: 9100 },
  ],
});
export const webSlice = slice(
  web,
  [endpoint("10.244.1.5"), endpoint("10.244.2.6")],
  [
    { name: "http", port: 8080, protocol: "TCP" },
    { name: "metrics", port: 9100, protocol: "TCP" },
  ],
);

/** Headless, with StatefulSet-style hostnames and one endpoint not ready. */
export const db = service("shop", "db", {
  clusterIP: "None",
  clusterIPs: ["None"],
  selector: { app: "db" },
  ports: [{ name: "pg", port: 5432, protocol: "TCP", targetPort: 15432 }],
});
export const dbSlice = slice(
  db,
  [
    endpoint("10.244.1.7", { hostname: "db-0" }),
    endpoint("10.244.2.8", { hostname: "db-1" }),
    endpoint("10.244.2.9", {
      hostname: "db-2",
      conditions: { ready: false, serving: false, terminating: false },
    }),
  ],
  [{ name: "pg", port: 15432, protocol: "TCP" }],
);

const ext = service("shop", "ext", { type: "ExternalName", externalName: "www.example.com" });
const alias = service("shop", "alias", {
  type: "ExternalName",
  externalName: "web.shop.svc.cluster.local",
});

const dual = service("shop", "dual", {
  clusterIP: "10.96.0.40",
  clusterIPs: ["10.96.0.40", "fd00:10:96::28"],
  ipFamilies: ["IPv4", "IPv6"],
  ports: [{ name: "http", port: 80, protocol: "TCP" }],
});

const api = service("other", "api", {
  clusterIP: "10.96.0.50",
  clusterIPs: ["10.96.0.50"],
  ports: [{ port: 443, protocol: "TCP" }],
});

/** The answer to `_http._tcp.web.shop.svc.cluster.local.` SRV: web's port 80, targeting the Service name. */
export const WEB_HTTP_SRV = [
  {
    name: "_http._tcp.web.shop.svc.cluster.local.",
    type: "SRV",
    ttl: 30,
    priority: 0,
    weight: 100,
    port: 80,
    target: "web.shop.svc.cluster.local.",
  },
];

export const client = pod("shop", "client", {}, "10.244.1.20");

export const scenario = (): Cluster =>
  makeCluster([web, webSlice, db, dbSlice, ext, alias, dual, api, client]);
