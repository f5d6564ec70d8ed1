// Code that runs inside the page, kept as source text: functions compiled by tsx may carry helpers that
// do not exist in the page, so nothing here is passed to Playwright as a function.
import { F_END, F_START, FLOATS_PER_HOP } from "../../src/protocol/hopBatch";

/**
 * Installed before any page script: (1) the time of the first animation frame after the first React Flow
 * node is in the DOM; when the page settles after it (a task posted from that frame runs once the frame
 * is drawn and the tasks queued before it are done: the first moment a click could be answered); and of
 * the frame when the node count last grew (the whole graph); (2) a count of
 * packets in flight, from the hop batches the worker posts (a hop is a packet on a link from start to end;
 * a packet is in flight at the batch's `now` when start <= now < end).
 */
export const INIT_SCRIPT = `(() => {
  const first = { nodeMs: null, frameMs: null, settledMs: null, fullFrameMs: null, nodes: 0 };
  window.__khFirst = first;
  let watching = false;
  const watchCount = () => {
    let last = 0, stableSince = performance.now();
    const loop = () => {
      const n = document.querySelectorAll(".react-flow__node").length;
      const t = performance.now();
      if (n > last) { last = n; first.nodes = n; first.fullFrameMs = t; stableSince = t; }
      if (t - stableSince < 3000) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  const mo = new MutationObserver(() => {
    if (watching || !document.querySelector(".react-flow__node")) return;
    watching = true;
    first.nodeMs = performance.now();
    requestAnimationFrame(() => {
      first.frameMs = performance.now();
      setTimeout(() => { first.settledMs = performance.now(); }, 0);
    });
    watchCount();
    mo.disconnect();
  });
  mo.observe(document, { childList: true, subtree: true });

  const flight = { now: 0, batches: 0, hops: 0, starts: [], ends: [] };
  window.__khFlight = flight;
  window.__khInFlight = () => {
    let n = 0;
    const s = flight.starts, e = flight.ends, now = flight.now;
    let w = 0;
    for (let i = 0; i < e.length; i++) {
      if (e[i] <= now) continue;
      s[w] = s[i]; e[w] = e[i]; w++;
      if (s[i] <= now) n++;
    }
    s.length = w; e.length = w;
    return n;
  };
  const workers = [];
  const answers = new Map();
  let nextId = 1e9;
  // Commands of the bench's own, with ids far above the client's: their answers go to nobody there.
  window.__khInject = (actions) => {
    const w = workers[0];
    if (!w) return Promise.resolve(["no worker"]);
    return Promise.all(actions.map((action) => new Promise((resolve) => {
      const id = nextId++;
      answers.set(id, resolve);
      w.postMessage({ type: "act", id, action });
    })));
  };
  const Orig = window.Worker;
  if (!Orig) return;
  window.Worker = class extends Orig {
    constructor(url, opts) {
      super(url, opts);
      workers.push(this);
      this.addEventListener("message", (ev) => {
        const m = ev.data;
        if (m && (m.type === "ack" || m.type === "error") && answers.has(m.requestId)) {
          answers.get(m.requestId)(m.type === "ack" ? "ok" : m.message);
          answers.delete(m.requestId);
        }
        if (!m || m.type !== "hopBatch" || !m.batch) return;
        const b = m.batch;
        if (b.reset) { flight.starts.length = 0; flight.ends.length = 0; }
        flight.now = b.now; flight.batches++; flight.hops += b.count;
        for (let i = 0; i < b.count; i++) {
          flight.starts.push(b.floats[i * ${FLOATS_PER_HOP} + ${F_START}]);
          flight.ends.push(b.floats[i * ${FLOATS_PER_HOP} + ${F_END}]);
        }
      });
    }
  };
})();`;

/**
 * Frame deltas (performance.now() between consecutive rAF callbacks) for `ms`, and every 250 ms the
 * packets in flight (the packet layer's own debug count when it has one, else the hop-batch estimate).
 */
export const sampleFrames = (ms: number) => `new Promise((resolve) => {
  const deltas = [], flight = [];
  let last = -1;
  const t0 = performance.now();
  const count = () => {
    const dbg = window.__khDebug && typeof window.__khDebug.packetsInFlight === "function"
      ? window.__khDebug.packetsInFlight() : null;
    flight.push(typeof dbg === "number" ? { n: dbg, src: "debug" } : { n: window.__khInFlight ? window.__khInFlight() : 0, src: "hopBatches" });
  };
  const timer = setInterval(count, 250);
  const tick = () => {
    const t = performance.now();
    if (last >= 0) deltas.push(t - last);
    last = t;
    if (t - t0 < ${ms}) requestAnimationFrame(tick);
    else { clearInterval(timer); resolve({ deltas, flight, elapsed: t - t0 }); }
  };
  requestAnimationFrame(tick);
})`;
