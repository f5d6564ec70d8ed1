import { describe, expect, it } from "vitest";
import { HOP } from "../protocol/simulation";
import type { HopLogEntry } from "../store/hopLog";
import { enT } from "../i18n/english.test-util";
import { EPISODE_MAX_PACKETS, EpisodeRoutes, frameLabels, lastEpisode, SkipClock } from "./episode";

let seq = 0;
const hop = (
  packet: number,
  from: string,
  to: string,
  start: number,
  end: number,
  flags = 0,
): HopLogEntry => ({
  seq: seq++,
  start,
  end,
  packet,
  connection: packet,
  from,
  to,
  link: "external",
  flags,
  src: "192.168.1.10:40000",
  dst: "192.168.1.3:30080",
  rules: [],
  note: "",
});

const request = (packet: number, t: number) => [
  hop(packet, "client:laptop", "node:node-2", t, t + 500),
  hop(packet, "node:node-2", "pod:default/web-1", t + 500, t + 800),
  hop(packet, "pod:default/web-1", "node:node-2", t + 900, t + 1200, HOP.reply),
  hop(packet, "node:node-2", "client:laptop", t + 1200, t + 1700, HOP.reply),
];

describe("the GIF's request or burst", () => {
  it("is the last run of hops after a quiet moment", () => {
    const log = [...request(1, 0), ...request(2, 5_000_000), ...request(3, 5_001_000)];
    const e = lastEpisode(log)!;
    expect(new Set(e.hops.map((h) => h.packet))).toEqual(new Set([2, 3]));
    expect(e.t0).toBe(5_000_000);
    expect(e.t1).toBe(5_002_700);
    expect(e.requests).toBe(2);
    expect(e.from).toBe("client:laptop");
    expect(e.to).toBe("192.168.1.3:30080");
  });

  it("keeps a dropped request's timeout, seconds later, with the request", () => {
    const drop = hop(1, "client:laptop", "node:node-1", 0, 500, HOP.drop);
    const timeout = hop(1, "client:laptop", "client:laptop", 5_000_000, 5_000_000, HOP.timeout);
    const e = lastEpisode([drop, timeout])!;
    expect(e.hops).toEqual([drop, timeout]);
    expect([e.t0, e.t1]).toEqual([0, 5_000_000]);
  });

  it("is cut to its last packets when traffic never pauses", () => {
    const log = Array.from({ length: 150 }, (_, i) => request(i, i * 100_000)).flat();
    const e = lastEpisode(log)!;
    expect(new Set(e.hops.map((h) => h.packet)).size).toBe(EPISODE_MAX_PACKETS);
    expect(e.hops.at(-1)!.packet).toBe(149);
  });

  it("is nothing when no request has been sent", () => {
    expect(lastEpisode([])).toBeNull();
  });
});

describe("the GIF's clock", () => {
  it("runs as simulated time while packets move and skips most of a long wait", () => {
    const drop = hop(1, "client:laptop", "node:node-1", 0, 500, HOP.drop);
    const timeout = hop(1, "client:laptop", "client:laptop", 5_000_000, 5_000_000, HOP.timeout);
    const clock = new SkipClock([drop, timeout]);
    expect(clock.length).toBe(600);
    expect(clock.at(0)).toBe(0);
    expect(clock.at(250 / 600)).toBeCloseTo(250);
    expect(clock.at(500 / 600)).toBeCloseTo(500);
    expect(clock.at(1)).toBe(5_000_000);
  });

  it("keeps a run without waits as it is", () => {
    const clock = new SkipClock(request(1, 1000));
    // 1000..1800 busy, a 100-tick wait (under a fifth of the busy time), then 1900..2700.
    expect(clock.length).toBe(1700);
    expect(clock.at(0.5)).toBeCloseTo(1850);
  });
});

describe("the GIF's dots", () => {
  const places = new Map([
    ["net:nodes", { x: 0, y: 100, w: 600, h: 28 }],
    ["client:laptop", { x: 0, y: 0, w: 180, h: 60 }],
    ["node:node-2", { x: 300, y: 200, w: 220, h: 130 }],
    ["pod:default/web-1", { x: 312, y: 260, w: 196, h: 48 }],
  ]);

  it("starts a hop at its source's attach point and ends it at its target's", () => {
    const routes = new EpisodeRoutes(places);
    const [h] = request(1, 0);
    expect(routes.dots([h!], 0)).toEqual([{ x: 90, y: 60, connection: 1, reply: false }]);
    const near = routes.dots([h!], 499)[0]!;
    expect(near.x).toBeCloseTo(410, 0);
    expect(near.y).toBeCloseTo(200, 0);
  });

  it("shows a hop only while it is on the wire, and a reply as such", () => {
    const routes = new EpisodeRoutes(places);
    const hops = request(1, 0);
    expect(routes.dots(hops, 850)).toEqual([]);
    expect(routes.dots(hops, 1000).map((d) => d.reply)).toEqual([true]);
    expect(routes.dots(hops, 5000)).toEqual([]);
  });

  it("skips hops between places the picture does not have", () => {
    const routes = new EpisodeRoutes(places);
    expect(routes.dots([hop(9, "pod:x/gone", "pod:y/gone", 0, 10)], 5)).toEqual([]);
  });
});

describe("the GIF's labels", () => {
  const natHops = () => {
    const [a, b] = request(1, 0);
    a!.flags = HOP.dnat;
    b!.dst = "10.244.1.2:8080";
    return [a!, b!];
  };

  it("shows a DNAT's rewrite at its place while the rewritten packet travels on", () => {
    const hops = natHops();
    expect(frameLabels(hops, 400, enT)).toEqual([]);
    const [label] = frameLabels(hops, 600, enT);
    expect(label?.place).toBe("node:node-2");
    expect(label?.kind).toBe("nat");
    expect(label?.lines.join(" ")).toContain("192.168.1.3:30080 → 10.244.1.2:8080");
    expect(frameLabels(hops, 900, enT)).toEqual([]);
  });

  it("keeps a rewrite up for the hold asked, time to read it", () => {
    expect(frameLabels(natHops(), 900, enT, 1000)).toHaveLength(1);
    expect(frameLabels(natHops(), 1600, enT, 1000)).toEqual([]);
  });

  it("marks a dropped packet where it died, from then on", () => {
    const drop = hop(2, "client:laptop", "node:node-1", 0, 500, HOP.drop);
    expect(frameLabels([drop], 100, enT)).toEqual([]);
    const [label] = frameLabels([drop], 5000, enT);
    expect(label).toMatchObject({ place: "node:node-1", kind: "drop" });
    expect(label!.lines[0]).not.toBe("");
  });
});
