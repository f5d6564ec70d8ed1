// The traffic of the packets measurement. The Traffic controls make one steady flow (from an outside
// client to a NodePort here) of at most UI_MAX_RATE requests per simulated second: far fewer than ~2,000
// packets in flight. The rest comes from "top-up" flows over the whole cluster (bench/traffic.ts), sent as
// the same `act` commands straight to the worker. Packets in flight grow linearly with the rate (Little's
// law), so one short probe in Node tells the rates.
import type { ConnectionStyle } from "../../src/engine/sim/types";
import { Simulation } from "../../src/engine/sim/simulation";
import { TICKS_PER_MS, TICKS_PER_SECOND } from "../../src/engine/sim/types";
import { InFlight } from "../inFlight";
import { type Flow, trafficFlows } from "../traffic";

/** The rate input's maximum (src/ui/TrafficPanel.tsx). */
export const UI_MAX_RATE = 1000;
export const TOP_UP_FLOWS = 20;

export interface UiFlow {
  from: string;
  to: string;
  connection: ConnectionStyle;
}

export function pickFlow(sim: Simulation): UiFlow {
  const c = sim.cluster;
  const nodeIP = c.nodes[0]?.status.addresses?.find((a) => a.type === "InternalIP")?.address;
  const client = c.config.clients[0]?.name;
  const svc = c.services.find((s) => s.spec.ports?.[0]?.nodePort && s.spec.externalTrafficPolicy !== "Local");
  if (nodeIP && client && svc)
    return { from: `client:${client}`, to: `${nodeIP}:${svc.spec.ports![0]!.nodePort}`, connection: "new" };
  const any = c.services.find((s) => s.spec.clusterIP && s.spec.clusterIP !== "None" && s.spec.ports?.length);
  const pod = c.pods[0];
  if (!any || !pod) throw new Error("the large scenario has no Service to send to");
  return {
    from: `pod:${pod.metadata.namespace ?? "default"}/${pod.metadata.name}`,
    to: `${any.spec.clusterIP}:${any.spec.ports![0]!.port}`,
    connection: "new",
  };
}

/** Mean packets in flight with every flow at `perSecond` requests per simulated second (2 s, second half). */
export function inFlightAt(yaml: string, flows: UiFlow[], perSecond: number, seed = 1): number {
  const sim = Simulation.load([{ file: "large.yaml", text: yaml }], { seed });
  const end = sim.now + 2 * TICKS_PER_SECOND;
  for (const f of flows) {
    const r = sim.act({ type: "rate", ...f, perSecond, durationTicks: end - sim.now });
    if (!r.ok) throw new Error(`${f.from} -> ${f.to}: ${r.error.message}`);
  }
  const from = sim.now + TICKS_PER_SECOND;
  const inFlight = new InFlight(from, end, 100);
  for (let t = sim.now + 10 * TICKS_PER_MS; t <= end; t += 10 * TICKS_PER_MS)
    inFlight.add(sim.advanceTo(t).hops);
  return inFlight.result().mean;
}

export interface TrafficPlan {
  ui: UiFlow & { perSecond: number; expectedInFlight: number };
  topUp: { flows: Flow[]; perSecondEach: number; expectedInFlight: number };
}

export function planTraffic(yaml: string, sim: Simulation, target: number): TrafficPlan {
  const ui = pickFlow(sim);
  const uiInFlight = inFlightAt(yaml, [ui], UI_MAX_RATE);
  const flows = trafficFlows(sim.cluster, TOP_UP_FLOWS);
  const probeRate = 1000;
  const probe = inFlightAt(yaml, flows, probeRate);
  const perSecondEach = Math.max(1, Math.round((probeRate * Math.max(0, target - uiInFlight)) / probe));
  return {
    ui: { ...ui, perSecond: UI_MAX_RATE, expectedInFlight: Math.round(uiInFlight) },
    topUp: { flows, perSecondEach, expectedInFlight: Math.round((probe * perSecondEach) / probeRate) },
  };
}
