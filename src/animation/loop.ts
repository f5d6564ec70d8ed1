// The page's one animation loop: every display frame it lets the simulation advance
// (client.frame()), then draws the packet layer. It sleeps while the tab is hidden or the graph is off
// screen, and reads the viewport and box positions straight from React Flow's store, never through React.
import type { ReactFlowState } from "@xyflow/react";
import type { StoreApi } from "zustand/vanilla";
import type { T } from "../i18n/core";
import type { PlaygroundStore } from "../store/playgroundStore";
import { STATE_COLOURS } from "../scene/palette";
import { drawFrame, type Look } from "./draw";
import { FlowPlaces } from "./places";
import { PacketScene } from "./scene";
import { SimClock } from "./simClock";

interface LoopDeps {
  canvas: HTMLCanvasElement;
  /** The element whose visibility decides whether the loop runs (the graph's container). */
  container: HTMLElement;
  flow: () => ReactFlowState;
  store: StoreApi<PlaygroundStore>;
  /** The current language's translate function (a ref's reader: the language may change while running). */
  words: () => T;
}

export interface PacketLoop {
  readonly scene: PacketScene;
  readonly clock: SimClock;
  /** The last tick drawn. */
  now(): number;
  /** Re-reads theme colours (after a theme or projector change). */
  restyle(): void;
  stop(): void;
}

export function startPacketLoop({ canvas, container, flow, store, words }: LoopDeps): PacketLoop {
  const scene = new PacketScene(words);
  const clock = new SimClock();
  const places = new FlowPlaces();
  const ctx = canvas.getContext("2d");
  const reducedQuery = window.matchMedia?.("(prefers-reduced-motion: reduce)");
  let raf = 0;
  let visible = true;
  let onScreen = true;
  let stopped = false;
  let lastNow = 0;
  // The canvas's CSS size, as the last layout left it (a ResizeObserver reports it after each layout):
  // reading clientWidth here or in a frame would force a layout of the whole page ahead of the
  // browser's own (53 ms before the first frame of a 200-pod cluster).
  const size = { width: 0, height: 0 };
  const resizes =
    typeof ResizeObserver === "function"
      ? new ResizeObserver(([entry]) => {
          if (!entry) return;
          size.width = entry.contentRect.width;
          size.height = entry.contentRect.height;
          wake();
        })
      : null;
  resizes?.observe(canvas);
  const view = { x: 0, y: 0, w: 0, h: 0 };
  const look: Look = {
    dpr: 1,
    tx: 0,
    ty: 0,
    zoom: 1,
    width: 0,
    height: 0,
    halo: "#fff",
    rim: "rgb(0 0 0 / 0.3)",
    labelBg: "#fff",
    labelFg: "#1b2430",
    labelBorder: "#d8dde3",
    bad: STATE_COLOURS.bad,
    warn: STATE_COLOURS.warn,
    muted: STATE_COLOURS.muted,
    fontPx: 12,
    followed: null,
  };

  const restyle = () => {
    const cs = getComputedStyle(container);
    const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
    const dark = store.getState().theme === "dark";
    look.halo = v("--kh-bg", dark ? "#10151c" : "#ffffff");
    look.rim = dark ? "rgb(255 255 255 / 0.35)" : "rgb(0 0 0 / 0.3)";
    look.labelBg = v("--kh-panel", dark ? "#1b2330" : "#ffffff");
    look.labelFg = v("--kh-fg", dark ? "#e6edf3" : "#1b2430");
    look.labelBorder = v("--kh-border", dark ? "#3a4656" : "#c9d1da");
    look.fontPx = store.getState().projector ? 16 : 12;
  };
  restyle();

  const offHops = store.getState().client.onHops((batch) => {
    scene.ingest(batch);
    clock.observe(batch.now, performance.now(), batch.reset);
  });
  const syncPlayback = (s: PlaygroundStore) => {
    if (s.sim) clock.setPlayback(s.sim.running, s.sim.speed, s.sim.now, performance.now());
  };
  syncPlayback(store.getState());
  const offStore = store.subscribe((s, prev) => {
    if (s.sim !== prev.sim) syncPlayback(s);
    if (s.theme !== prev.theme || s.projector !== prev.projector) requestAnimationFrame(restyle);
  });

  const frame = () => {
    raf = 0;
    if (stopped || !visible || !onScreen) return;
    store.getState().client.frame();
    const wall = performance.now();
    const now = clock.at(wall);
    lastNow = now;
    const rf = flow();
    if (places.refresh(rf)) scene.invalidate();
    const [tx, ty, zoom] = rf.transform;
    if (!resizes) {
      size.width = canvas.clientWidth;
      size.height = canvas.clientHeight;
    }
    const { width, height } = size;
    const dpr = window.devicePixelRatio || 1;
    const bw = Math.round(width * dpr);
    const bh = Math.round(height * dpr);
    if (canvas.width !== bw || canvas.height !== bh) {
      canvas.width = bw;
      canvas.height = bh;
    }
    view.x = -tx / zoom;
    view.y = -ty / zoom;
    view.w = width / zoom;
    view.h = height / zoom;
    scene.advance(now, places, view, reducedQuery?.matches ?? false);
    look.dpr = dpr;
    look.tx = tx;
    look.ty = ty;
    look.zoom = zoom;
    look.width = width;
    look.height = height;
    look.followed = store.getState().followedPacket;
    if (ctx) drawFrame(ctx, scene, places, now, wall, look);
    raf = requestAnimationFrame(frame);
  };

  const wake = () => {
    if (!raf && !stopped && visible && onScreen) raf = requestAnimationFrame(frame);
  };
  const onVisibility = () => {
    visible = document.visibilityState !== "hidden";
    wake();
  };
  document.addEventListener("visibilitychange", onVisibility);
  const io =
    typeof IntersectionObserver === "function"
      ? new IntersectionObserver((entries) => {
          onScreen = entries.some((e) => e.isIntersecting);
          wake();
        })
      : null;
  io?.observe(container);
  onVisibility();

  return {
    scene,
    clock,
    now: () => lastNow,
    restyle,
    stop() {
      stopped = true;
      if (raf) cancelAnimationFrame(raf);
      raf = 0;
      offHops();
      offStore();
      io?.disconnect();
      resizes?.disconnect();
      document.removeEventListener("visibilitychange", onVisibility);
    },
  };
}
