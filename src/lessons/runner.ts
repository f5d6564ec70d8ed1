// Runs a step's actions on a playground, as the learner would with the controls, and collects what the
// simulation really produced: the traffic phases it started, the cluster after, a pod's inspection.
import type { StoreApi } from "zustand/vanilla";
import { type PhaseMetrics, type SimAction, TICKS_PER_SECOND } from "../protocol/simulation";
import { type Message, phrase } from "../i18n/phrase";
import type { ClusterSummary, PodInspection } from "../protocol/messages";
import { objectActions } from "../store/objectActions";
import { refusalMessage } from "../store/refusal";
import type { PlaygroundStore } from "../store/playgroundStore";
import type { LessonAction, LessonView, Outcome, PodPick, Traffic } from "./types";
import { placeId } from "../protocol/placeId";

type Api = StoreApi<PlaygroundStore>;

/** Traffic in a lesson runs this much faster than the playground's 1×, so 100 requests take seconds. */
const LESSON_BURST_SPEED = 10;
/** How far "Skip ahead" jumps: past every request's end, including a client's 5 s timeout. */
const SKIP_TICKS = 10 * TICKS_PER_SECOND;

export const viewOf = (s: PlaygroundStore): LessonView => ({
  yaml: s.yaml,
  diagnostics: s.diagnostics,
  cluster: s.cluster,
  sim: s.sim,
});

function pickPod(p: PodPick, c: ClusterSummary): string | undefined {
  return typeof p === "string" ? p : p(c);
}

/** The first running pod whose labels include every key=value given ("app=web"). */
export const podWith =
  (labels: Record<string, string>, opts: { node?: string; notNode?: string } = {}) =>
  (c: ClusterSummary): string | undefined =>
    c.pods.find(
      (p) =>
        p.ip &&
        !p.terminating &&
        (!opts.node || p.node === opts.node) &&
        (!opts.notNode || p.node !== opts.notNode) &&
        Object.entries(labels).every(([k, v]) => p.labels[k] === v),
    )?.name;

/** A Service's ClusterIP:port, for traffic from inside the cluster; "ns/name", or a name in default. */
export const clusterIPOf =
  (service: string, port?: number) =>
  (c: ClusterSummary): string => {
    const name = service.includes("/") ? service : `default/${service}`;
    const s = c.services.find((x) => x.name === name);
    return `${s?.clusterIP ?? "0.0.0.0"}:${port ?? s?.ports[0]?.port ?? 80}`;
  };

type RunResult = { ok: true; outcome: Outcome } | { ok: false; error: Message };

export class LessonRunner {
  private skipping = false;

  constructor(private readonly api: Api) {}

  /** Jumps past the end of the traffic in flight (the learner's "Skip ahead"). */
  async skip(): Promise<void> {
    const s = this.api.getState();
    if (!s.sim || this.skipping) return;
    this.skipping = true;
    try {
      if (s.narration) await s.narrator.finish();
      await s.client.seek(s.sim.now + SKIP_TICKS);
      await s.client.run();
    } finally {
      this.skipping = false;
    }
  }

  async run(actions: readonly LessonAction[]): Promise<RunResult> {
    const before = await this.cluster();
    if (!before) return { ok: false, error: phrase("lesson.error.noCluster") };
    const phases: number[] = [];
    let inspection: PodInspection | null = null;
    for (const a of actions) {
      const r = await this.one(a, phases);
      if (r && "env" in r) inspection = r;
      else if (r) return { ok: false, error: r };
    }
    const s = this.api.getState();
    const all = s.sim?.phases ?? [];
    const ran = phases.map((i) => all[i]).filter((p): p is PhaseMetrics => !!p);
    return {
      ok: true,
      outcome: {
        ...viewOf(s),
        cluster: s.cluster ?? before,
        before,
        phases: ran,
        last: ran.at(-1) ?? null,
        inspection,
      },
    };
  }

  /** One action; a Message is an error to show, a PodInspection the answer of an inspect. */
  private async one(a: LessonAction, phases: number[]): Promise<Message | PodInspection | void> {
    const s = this.api.getState();
    const c = s.cluster!;
    if ("send" in a || "burst" in a) {
      const tr: Traffic = "send" in a ? a.send : a.burst;
      const count = "burst" in a ? a.burst.count : 1;
      const base = this.traffic(tr, c);
      const { from, to } = base;
      const action: SimAction =
        count === 1 ? { type: "send", ...base } : { type: "burst", ...base, count, intervalTicks: 1_000 };
      // The traffic controls show what the lesson sent, so the learner can send it again.
      s.setTraffic({ from, to, connection: base.connection });
      const speed = s.sim?.speed ?? 1;
      if (count > 1) await s.client.setSpeed(Math.max(speed, LESSON_BURST_SPEED));
      const r = await s.client.act(action);
      if (!r.ok) return refusalMessage(r);
      if (r.phase !== null) phases.push(r.phase);
      if ("send" in a && a.narrate) {
        // The learner walks the packet hop by hop; the step goes on when the narration is closed.
        await s.narrator.start();
        await this.until((x) => x.narration === null);
      }
      await s.client.run();
      if (r.phase !== null) await this.phaseEnded(r.phase, count);
      if (count > 1) await s.client.setSpeed(speed);
      return;
    }
    if ("rate" in a) {
      const { perSecond, seconds, ...tr } = a.rate;
      const r = await s.client.act({
        type: "rate",
        ...this.traffic(tr, c),
        perSecond,
        durationTicks: Math.round(seconds * TICKS_PER_SECOND),
      });
      if (!r.ok) return refusalMessage(r);
      if (r.phase !== null) phases.push(r.phase);
      await s.client.run();
      return;
    }
    if ("failNode" in a) return this.perform(objectActions.failNode(a.failNode));
    if ("recoverNode" in a) return this.perform(objectActions.recoverNode(a.recoverNode));
    if ("deletePod" in a) {
      const pod = pickPod(a.deletePod, c);
      if (!pod) return phrase("lesson.error.noPod");
      return this.perform(objectActions.deletePod(pod));
    }
    if ("scale" in a) {
      const from = c.pods.filter((p) => p.owner === a.scale.deployment).length;
      return this.perform(objectActions.scale(s, a.scale.deployment, a.scale.replicas, from));
    }
    if ("wait" in a) {
      const now = s.sim?.now ?? 0;
      const r = await s.client.seek(now + Math.round(a.wait * TICKS_PER_SECOND));
      return r.ok ? undefined : refusalMessage(r);
    }
    if ("edit" in a) {
      const e = a.edit;
      const ok = await s.perform({
        label: phrase("lessons.change.edit", { kind: e.kind, name: e.name, path: e.path.join(".") }),
        actions: [],
        inverse: [],
        yamlEdit: { ...e, live: true },
      });
      return ok ? undefined : phrase("lesson.error.edit");
    }
    if ("yaml" in a) {
      await s.setYaml(a.yaml(s.yaml), { record: phrase("lessons.change.yaml") });
      return;
    }
    const pod = pickPod(a.inspect, c);
    if (!pod) return phrase("lesson.error.noPod");
    const r = await s.client.inspect(placeId("pod", pod));
    if (!r.ok) return refusalMessage(r);
    return r.result.kind === "pod" ? r.result : undefined;
  }

  /** A lesson's traffic as the simulation's: pods picked, targets computed from the cluster. */
  private traffic(tr: Traffic, c: ClusterSummary) {
    return {
      from: typeof tr.from === "string" ? tr.from : placeId("pod", pickPod(tr.from.pod, c) ?? ""),
      to: typeof tr.to === "string" ? tr.to : tr.to(c),
      connection: tr.connection ?? ("new" as const),
      ...(tr.protocol ? { protocol: tr.protocol } : {}),
    };
  }

  private async perform(change: Parameters<PlaygroundStore["perform"]>[0]): Promise<Message | void> {
    const ok = await this.api.getState().perform(change);
    return ok ? undefined : (this.api.getState().notice ?? phrase("lesson.error.action"));
  }

  /** Resolves when every request of the phase has ended (delivered, refused, dropped or timed out). */
  private phaseEnded(phase: number, count: number): Promise<void> {
    return this.until((s) => {
      const p = s.sim?.phases[phase];
      return !!p && Object.values(p.results).reduce((a, b) => a + b, 0) >= count;
    });
  }

  /** Resolves once the store's state satisfies `holds`. */
  private until(holds: (s: PlaygroundStore) => boolean): Promise<void> {
    if (holds(this.api.getState())) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.api.subscribe((s) => {
        if (holds(s)) {
          off();
          resolve();
        }
      });
    });
  }

  /** The cluster as the worker last described it, waiting for the first load if need be. */
  private async cluster(): Promise<ClusterSummary | null> {
    await this.until((s) => !!s.cluster && !!s.sim);
    return this.api.getState().cluster;
  }
}
