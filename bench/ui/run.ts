// The UI benchmark (npm run --silent bench:ui): a production build of the app and of a bare React Flow
// page with the same graph, served on localhost and measured in Debian's Chromium with an in-page rAF
// sampler: idle, ~2,000 packets in flight, dragging a node; the bare page idle and dragging; time to the
// first frame with the graph (the app's, the bare page's, and the embed's: `?embed` at 700x450 on its
// default scenario); gzipped JS sizes. Prints one JSON document on stdout (progress on stderr).
// Timings on a shared machine are noisy: nothing here asserts them; every measurement runs `--runs` times.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";
import { largeScenario } from "../../src/engine/sim/largeScenario";
import { Simulation } from "../../src/engine/sim/simulation";
import { clusterSummary } from "../../src/worker/summary";
import { machine } from "../machine";
import { buildPages, elementSizes, sizes } from "./build";
import { planTraffic } from "./calibrate";
import { bareGraph, type BenchGraph } from "./graphData";
import { INIT_SCRIPT, sampleFrames } from "./inPage";
import { serveStatic } from "./server";
import { type FrameSample, frameStats } from "./stats";
import { startTopUp, startUiTraffic } from "./traffic";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "2" },
    seconds: { type: "string", default: "5" },
    "in-flight": { type: "string", default: "2000" },
    keep: { type: "boolean", default: false },
    /** Only the first frames (app, bare, embed): quick, for more runs of what is noisiest. */
    "first-only": { type: "boolean", default: false },
    /** A directory for a screenshot of each page while measured (to check what was on screen). */
    screenshots: { type: "string" },
  },
});
const RUNS = Number(args.runs);
const SAMPLE_MS = Number(args.seconds) * 1000;
const TARGET_IN_FLIGHT = Number(args["in-flight"]);
const SCENARIO = { nodes: 20, pods: 200, services: 50, seed: 1 };
const STORAGE_KEY = "kube-hops:main";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const VIEWPORT = { width: 1280, height: 720 };
/** An embed in a blog column. */
const EMBED_VIEWPORT = { width: 700, height: 450 };
const GRAPH_TIMEOUT_MS = 30_000;

const log = (s: string) => console.error(`bench:ui: ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** null when either side is missing (JSON has no NaN). */
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? Math.round((a / b) * 100) / 100 : null);

const yaml = largeScenario(SCENARIO);
const sim = Simulation.load([{ file: "large.yaml", text: yaml }], { seed: 1 });
const summary = clusterSummary(sim.cluster);
const graph = bareGraph(summary);
const plan = planTraffic(yaml, sim, TARGET_IN_FLIGHT);
log(
  `traffic: ${plan.ui.from} -> ${plan.ui.to} at ${plan.ui.perSecond}/s through the UI, ` +
    `${plan.topUp.flows.length} top-up flows at ${plan.topUp.perSecondEach}/s each`,
);

const outDir = mkdtempSync(join(tmpdir(), "kube-hops-bench-ui-"));
log(`building into ${outDir}`);
const { buildMs } = await buildPages(outDir, { cluster: summary } satisfies BenchGraph);
const shipped = sizes(outDir);
const element = elementSizes(outDir);
const server = await serveStatic(outDir);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

interface First {
  nodeMs: number | null;
  frameMs: number | null;
  settledMs: number | null;
  fullFrameMs: number | null;
  nodes: number;
}

/**
 * What a returning visitor's autosave holds: the text, and the cluster last drawn for it (the store
 * writes both, persistence.ts), which the page draws before its worker answers. `cached: false` leaves the
 * cluster out: the page then waits for the worker's first load (a first visit to an unknown text).
 */
const savedEntry = (text: string, cached: boolean) =>
  JSON.stringify({
    version: 1,
    yaml: text,
    positions: {},
    theme: "light",
    projector: false,
    ...(cached ? { cluster: summary, clusterYaml: text } : {}),
  });

async function open(b: Browser, path: string, seed: string | null, viewport = VIEWPORT) {
  // The page's Content-Security-Policy forbids eval, which waitForFunction's string predicates need: the
  // bench's own probes are let through (the policy itself is checked by tests/e2e/recovery.e2e.ts).
  const context = await b.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
  if (seed !== null)
    await page.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [STORAGE_KEY, seed]);
  await page.addInitScript(INIT_SCRIPT);
  await page.goto(server.url + path);
  // The graph is complete when the node count has not grown for 1.5 s.
  const first = await page
    .waitForFunction(
      `(() => { const f = window.__khFirst; return f && f.fullFrameMs !== null &&
          performance.now() - f.fullFrameMs > 1500 ? f : null; })()`,
      null,
      { timeout: GRAPH_TIMEOUT_MS, polling: 200 },
    )
    .then(
      async (h) => (await h.jsonValue()) as First,
      () => null,
    );
  const nav = (await page.evaluate(
    `(() => { const n = performance.getEntriesByType("navigation")[0];
       return { domContentLoadedMs: n.domContentLoadedEventEnd, loadMs: n.loadEventEnd }; })()`,
  )) as { domContentLoadedMs: number; loadMs: number };
  const firstInteractive = {
    firstNodeMs: first ? Math.round(first.nodeMs!) : null,
    firstFrameMs: first ? Math.round(first.frameMs!) : null,
    firstSettledMs: first ? Math.round(first.settledMs!) : null,
    fullGraphFrameMs: first ? Math.round(first.fullFrameMs!) : null,
    nodesInDom: first?.nodes ?? 0,
    domContentLoadedMs: Math.round(nav.domContentLoadedMs),
    ...(first ? {} : { error: `no .react-flow__node within ${GRAPH_TIMEOUT_MS / 1000} s` }),
  };
  return { context, page, errors, firstInteractive };
}

async function sample(page: Page, ms = SAMPLE_MS): Promise<FrameSample> {
  return (await page.evaluate(sampleFrames(ms))) as FrameSample;
}

/** The largest React Flow node wholly on screen, with a point on it that hits it (not a child). */
async function dragTarget(page: Page) {
  return (await page.evaluate(`(() => {
    const vw = innerWidth, vh = innerHeight;
    const all = [...document.querySelectorAll(".react-flow__node")];
    const cands = all.map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width >= 8 && r.height >= 8 && r.left >= 0 && r.top >= 0 && r.right <= vw && r.bottom <= vh)
      .sort((a, b) => b.r.width * b.r.height - a.r.width * a.r.height);
    for (const { el, r } of cands)
      for (const [fx, fy] of [[0.5, 0.5], [0.5, 0.06], [0.06, 0.5], [0.94, 0.5], [0.5, 0.94], [0.06, 0.06]]) {
        const x = r.left + r.width * fx, y = r.top + r.height * fy;
        const hit = document.elementFromPoint(x, y);
        if (hit && hit.closest(".react-flow__node") === el)
          return { id: el.getAttribute("data-id"), x, y, width: Math.round(r.width), height: Math.round(r.height) };
      }
    return null;
  })()`)) as { id: string; x: number; y: number; width: number; height: number } | null;
}

async function nodeRect(page: Page, id: string) {
  return (await page.evaluate(
    `(() => { const el = document.querySelector('.react-flow__node[data-id="${id}"]');
       if (!el) return null; const r = el.getBoundingClientRect(); return { x: r.left, y: r.top }; })()`,
  )) as { x: number; y: number } | null;
}

/** Drags a node in circles (a mouse event every ~8 ms) while the sampler runs. */
async function sampleWhileDragging(page: Page) {
  const t = await dragTarget(page);
  if (!t) return { error: "no draggable node on screen" };
  const before = await nodeRect(page, t.id);
  await page.mouse.move(t.x, t.y);
  await page.mouse.down();
  await page.mouse.move(t.x + 5, t.y + 5, { steps: 2 });
  let done = false;
  const sampling = sample(page).finally(() => (done = true));
  let moves = 0;
  let maxShift = 0;
  while (!done) {
    const a = moves++ * 0.12;
    await page.mouse.move(t.x + 5 + 60 * Math.sin(a), t.y + 5 + 40 * (1 - Math.cos(a)));
    if (moves % 10 === 0) {
      const now = await nodeRect(page, t.id);
      if (now && before) maxShift = Math.max(maxShift, Math.hypot(now.x - before.x, now.y - before.y));
    }
    await sleep(8);
  }
  await page.mouse.up();
  return {
    ...frameStats(await sampling),
    drag: { node: t.id, nodeSize: [t.width, t.height], mouseMoves: moves, maxShiftPx: Math.round(maxShift) },
  };
}

async function measureApp(b: Browser) {
  log("app: load, nothing cached");
  const cold = await open(b, "index.html", savedEntry(yaml, false));
  await cold.context.close();
  log("app: load");
  const { context, page, errors, firstInteractive } = await open(b, "index.html", savedEntry(yaml, true));
  const firstOnly = {
    firstInteractive,
    firstInteractiveNothingCached: cold.firstInteractive,
    pageErrors: [...cold.errors, ...errors].slice(0, 5),
  };
  if (args["first-only"]) {
    await context.close();
    return { ...firstOnly, idle: null, drag: null, packetsUiOnly: null, packets: null };
  }
  await sleep(1000);
  log("app: idle");
  const idle = frameStats(await sample(page));
  log("app: drag");
  const drag = await sampleWhileDragging(page);
  log("app: packets, Traffic controls");
  let packetsUiOnly: unknown = null;
  let packets: unknown = null;
  try {
    await startUiTraffic(page, plan.ui);
    await sleep(3000); // the rate ramps up: the first requests have to cross before hops pile up
    packetsUiOnly = frameStats(await sample(page));
    log("app: packets, top-up");
    const answers = await startTopUp(page, plan.topUp);
    const refused = answers.filter((a) => a !== "ok");
    await sleep(3000);
    packets = { ...frameStats(await sample(page)), topUpRefused: refused.slice(0, 3) };
    if (args.screenshots) await page.screenshot({ path: join(args.screenshots, "app-packets.png") });
  } catch (e) {
    const error = e instanceof Error ? e.message.split("\n")[0] : String(e);
    if (packetsUiOnly === null) packetsUiOnly = { error };
    else packets = { error };
  }
  await context.close();
  return { ...firstOnly, idle, drag, packetsUiOnly, packets };
}

async function measureBare(b: Browser) {
  log("bare: load");
  const { context, page, errors, firstInteractive } = await open(b, "bench/ui/bare.html", null);
  if (args["first-only"]) {
    await context.close();
    return { firstInteractive, idle: null, drag: null, pageErrors: errors.slice(0, 5) };
  }
  await sleep(1000);
  log("bare: idle");
  const idle = frameStats(await sample(page));
  log("bare: drag");
  const drag = await sampleWhileDragging(page);
  if (args.screenshots) await page.screenshot({ path: join(args.screenshots, "bare.png") });
  await context.close();
  return { firstInteractive, idle, drag, pageErrors: errors.slice(0, 5) };
}

/** The embed's first interactive frame, measured as the app's: the iframe page, at an embed's size. */
async function measureEmbed(b: Browser) {
  log("embed: load");
  const { context, page, errors, firstInteractive } = await open(b, "index.html?embed", null, EMBED_VIEWPORT);
  if (args.screenshots) await page.screenshot({ path: join(args.screenshots, "embed.png") });
  await context.close();
  return { firstInteractive, pageErrors: errors.slice(0, 5) };
}

type AppRun = Awaited<ReturnType<typeof measureApp>>;
type BareRun = Awaited<ReturnType<typeof measureBare>>;
type EmbedRun = Awaited<ReturnType<typeof measureEmbed>>;
const runs: { app: AppRun; bare: BareRun; embed: EmbedRun }[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    // Alternate the order, so that neither page always runs first.
    if (i % 2 === 0) {
      const app = await measureApp(browser);
      const bare = await measureBare(browser);
      runs.push({ app, bare, embed: await measureEmbed(browser) });
    } else {
      const embed = await measureEmbed(browser);
      const bare = await measureBare(browser);
      runs.push({ app: await measureApp(browser), bare, embed });
    }
  }
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
const chromiumVersion = browser.version();
if (!args.keep) rmSync(outDir, { recursive: true, force: true });

function median(xs: (number | null)[]): number | null {
  const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : Math.round((v[m - 1]! + v[m]!) / 2);
}

const medianOf = (pick: (run: (typeof runs)[number]) => number | null) => median(runs.map(pick));

const p95 = (x: unknown) => (x && typeof x === "object" && "p95ms" in x ? (x.p95ms as number) : NaN);
const ratios = runs.map(({ app, bare }) => ({
  packetsP95OverIdleP95: ratio(p95(app.packets), p95(app.idle)),
  dragP95OverIdleP95: ratio(p95(app.drag), p95(app.idle)),
  appDragP95OverBareDragP95: ratio(p95(app.drag), p95(bare.drag)),
  firstInteractiveAppOverBare: ratio(
    app.firstInteractive.firstFrameMs ?? NaN,
    bare.firstInteractive.firstFrameMs ?? NaN,
  ),
  firstInteractiveNothingCachedAppOverBare: ratio(
    app.firstInteractiveNothingCached.firstFrameMs ?? NaN,
    bare.firstInteractive.firstFrameMs ?? NaN,
  ),
  fullGraphAppOverBare: ratio(
    app.firstInteractive.fullGraphFrameMs ?? NaN,
    bare.firstInteractive.fullGraphFrameMs ?? NaN,
  ),
}));

console.log(
  JSON.stringify(
    {
      benchmark: "ui",
      machine: {
        ...machine(),
        chromium: chromiumVersion,
        chromiumFlags: ARGS,
        viewport: VIEWPORT,
        embedViewport: EMBED_VIEWPORT,
      },
      scenario: {
        ...SCENARIO,
        objects: {
          nodes: summary.nodes.length,
          pods: summary.pods.length,
          services: summary.services.length,
        },
      },
      graph: {
        builder: "src/flow/buildGraph (bare page: default nodes and edges)",
        nodes: graph.nodes.length,
        edges: graph.edges.length,
      },
      traffic: {
        unit: "requests per simulated second",
        targetInFlight: TARGET_IN_FLIGHT,
        ui: plan.ui,
        topUp: {
          via: "the same rate actions posted to the worker (the UI's rate input stops at 1000/s)",
          flows: plan.topUp.flows.length,
          perSecondEach: plan.topUp.perSecondEach,
          expectedInFlight: plan.topUp.expectedInFlight,
        },
      },
      sampleSeconds: SAMPLE_MS / 1000,
      summary: {
        aims: {
          packetsP95OverIdleP95: "<= 1.5",
          initialJsGzipKB: "<= 170",
          firstInteractiveAppOverBare: "<= 1.5",
        },
        initialJsGzipKB: shipped.appInitialJS.gzipKB,
        elementScriptGzipKB: element.scriptGzipKB,
        embedFirstFrameMs: runs.map((r) => r.embed.firstInteractive.firstFrameMs),
        embedFullGraphFrameMs: runs.map((r) => r.embed.firstInteractive.fullGraphFrameMs),
        editorChunkGzipKB: shipped.editorChunk?.gzipKB ?? null,
        workerJsGzipKB: shipped.workerJS?.gzipKB ?? null,
        ratios,
        // Over all runs: the median first frame of each page, then their ratio. A single run's ratio
        // swings with whatever else the machine did during those seconds; medians steady it.
        medianFirstFrameMs: {
          app: medianOf((r) => r.app.firstInteractive.firstFrameMs),
          appNothingCached: medianOf((r) => r.app.firstInteractiveNothingCached.firstFrameMs),
          bare: medianOf((r) => r.bare.firstInteractive.firstFrameMs),
          embed: medianOf((r) => r.embed.firstInteractive.firstFrameMs),
        },
        firstInteractiveAppOverBareOfMedians: ratio(
          medianOf((r) => r.app.firstInteractive.firstFrameMs) ?? NaN,
          medianOf((r) => r.bare.firstInteractive.firstFrameMs) ?? NaN,
        ),
        // When each page settles after that frame (the first task after it: the frame drawn and the work
        // queued before it done). Reported, no aim: the app has more to do then (the worker, the panels).
        medianSettledMs: {
          app: medianOf((r) => r.app.firstInteractive.firstSettledMs),
          bare: medianOf((r) => r.bare.firstInteractive.firstSettledMs),
        },
        settledAppOverBareOfMedians: ratio(
          medianOf((r) => r.app.firstInteractive.firstSettledMs) ?? NaN,
          medianOf((r) => r.bare.firstInteractive.firstSettledMs) ?? NaN,
        ),
      },
      bundle: {
        note: "app: index.html built with vite.config.ts (what ships); bare: bench/ui/bare.html, its own build",
        app: {
          initialJS: shipped.appInitialJS,
          initialCSS: shipped.appInitialCSS,
          editorChunk: shipped.editorChunk,
          lazyChunks: shipped.lazyChunks,
          workerJS: shipped.workerJS,
        },
        element: {
          note: "vite.element.config.ts: kube-hops.js, its stylesheet, the chunk it loads",
          ...element,
        },
        bare: { initialJS: shipped.bareInitialJS },
        buildMs,
      },
      runs,
    },
    null,
    2,
  ),
);
