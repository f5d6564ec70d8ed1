// Narration on a real (in-process) simulation: the packet stops at each place in order, Back returns to
// the place before, and the request's end closes the story.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { HOP } from "../protocol/simulation";
import { createSimClient } from "../worker/client";
import { createPlaygroundStore } from "./playgroundStore";

const SCENARIO = readFileSync(new URL("../../scenarios/default.yaml", import.meta.url), "utf8");
let stop: (() => void) | null = null;
afterEach(() => stop?.());

/** A store on the default scenario, its frames driven as a page's animation loop would, at 20×. */
async function ready() {
  const store = createPlaygroundStore({
    scenario: SCENARIO,
    client: createSimClient({ forceInProcess: true }),
    narrateFirst: true,
  });
  const timer = setInterval(() => store.getState().client.frame(), 4);
  stop = () => {
    clearInterval(timer);
    store.getState().client.dispose();
  };
  for (let i = 0; i < 4000 && !store.getState().sim; i++) await new Promise((r) => setTimeout(r, 5));
  await store.getState().setSpeed(20);
  store.getState().setTraffic({ to: "192.168.1.2:30080" });
  return store;
}

const until = async (holds: () => boolean) => {
  for (let i = 0; i < 6000 && !holds(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(holds()).toBe(true);
};

describe("narration", { timeout: 60_000 }, () => {
  it("pauses the first request at each place, in path order, until the reply reaches the client", async () => {
    const store = await ready();
    await store.getState().send("send");
    const n = () => store.getState().narration!;
    await until(() => n()?.status === "paused");
    const places: string[] = [];
    while (n().status !== "done") {
      const hop = n().hops[n().index]!;
      places.push(hop.to);
      // Paused exactly where this hop arrives.
      expect(store.getState().sim!.now).toBe(hop.end);
      expect(store.getState().sim!.running).toBe(false);
      await store.getState().narrator.next();
    }
    const last = n().hops[n().index]!;
    places.push(last.to);
    // Every place of the path, none skipped: the extra hop there, the pod receiving then answering, and
    // the un-NAT on the way back.
    const [, podNode, pod] = places;
    expect(pod).toMatch(/^pod:default\/web-/);
    expect(places).toEqual(["node:node-1", podNode, pod, pod, podNode, "node:node-1", "client:laptop"]);
    expect(last.flags & HOP.reply && last.flags & HOP.deliver).toBeTruthy();
    // Narration is for the first request only, unless asked again.
    expect(store.getState().narrate).toBe(false);
  });

  it("goes back to the place before, with the clock at that hop's arrival", async () => {
    const store = await ready();
    await store.getState().send("send");
    const n = () => store.getState().narration!;
    await until(() => n()?.status === "paused");
    await store.getState().narrator.next();
    await store.getState().narrator.next();
    expect(n().index).toBe(2);
    await store.getState().narrator.back();
    expect(n().index).toBe(1);
    expect(store.getState().sim!.now).toBe(n().hops[1]!.end);
  });

  it("plays on when closed, and the request ends as it would have", async () => {
    const store = await ready();
    await store.getState().send("send");
    await until(() => store.getState().narration?.status === "paused");
    await store.getState().narrator.finish();
    expect(store.getState().narration).toBeNull();
    await until(() => store.getState().sim?.phases[0]?.results.delivered === 1);
  });

  it("can be closed while the packet moves, and the next narrated request still walks", async () => {
    const store = await ready();
    await store.getState().send("send");
    // Closed while the packet is on its way to its first stop.
    await until(() => store.getState().narration?.packet != null);
    expect(store.getState().narration!.status).toBe("moving");
    await store.getState().narrator.finish();
    expect(store.getState().narration).toBeNull();
    store.getState().setNarrate(true);
    await store.getState().send("send");
    await until(() => store.getState().narration?.status === "paused");
    expect(store.getState().narration!.hops[0]!.to).toBe("node:node-1");
  });

  it("walks a pod's name lookup first, then goes on to its connection until the reply comes back", async () => {
    const store = await ready();
    const pod = store.getState().cluster!.pods.find((p) => p.name.startsWith("default/web-"))!.name;
    store.getState().setTraffic({ from: `pod:${pod}`, to: "web:80" });
    await store.getState().send("send");
    const n = () => store.getState().narration!;
    await until(() => n()?.status === "paused");
    while (n().status !== "done") await store.getState().narrator.next();
    const hops = n().hops;
    const dns = hops.filter((h) => h.flags & HOP.dns);
    // The query reaches CoreDNS and its answer comes back to the pod, before anything else.
    expect(dns.length).toBeGreaterThan(0);
    expect(hops.slice(0, dns.length)).toEqual(dns);
    expect(dns.some((h) => h.to.startsWith("pod:kube-system/coredns-"))).toBe(true);
    expect(dns.at(-1)!.to).toBe(`pod:${pod}`);
    // Then the connection: a packet of its own, ending with the reply delivered to the pod.
    const last = hops.at(-1)!;
    expect(last.packet).not.toBe(dns[0]!.packet);
    expect(last.flags & HOP.dns).toBe(0);
    expect(last.flags & HOP.reply && last.flags & HOP.deliver).toBeTruthy();
    expect(last.to).toBe(`pod:${pod}`);
  });
});
