// Dev-only: `?demo=burst` (or `?demo=rate`) sends traffic to the first NodePort once the cluster has
// loaded, for screenshots and for looking at the packet layer before the traffic panel exists. Does
// nothing in a production build (import.meta.env.DEV is false there).
import type { StoreApi } from "zustand/vanilla";
import type { PlaygroundStore } from "../store/playgroundStore";

export function runDevDemo(store: StoreApi<PlaygroundStore>): void {
  if (!import.meta.env.DEV) return;
  const kind = new URLSearchParams(window.location.search).get("demo");
  if (kind !== "burst" && kind !== "rate") return;
  const s = store.getState();
  const cluster = s.cluster;
  const svc = cluster?.services.find((x) => x.ports.some((p) => p.nodePort));
  const node = cluster?.nodes[0];
  const port = svc?.ports.find((p) => p.nodePort)?.nodePort;
  if (!node || !port) return;
  const to = `${node.ip}:${port}`;
  s.setTraffic({ to, count: 30, perSecond: 8, connection: "new" });
  if (kind === "rate") return void store.getState().send("rate");
  // A dense burst (a request every 0.25 ms of cluster time), so that many packets are on screen at once.
  void s.client
    .act({ type: "burst", from: s.traffic.from, to, count: 80, intervalTicks: 250, connection: "new" })
    .then(() => s.client.run());
}
