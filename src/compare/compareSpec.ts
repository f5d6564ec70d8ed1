// Builds the comparison for a setting from the current scenario: which field differs on each side, and
// the traffic both sides get. Pure: the view applies the edits to the YAML when it starts the runs.
import type { ClusterSummary, ServiceSummary } from "../protocol/messages";
import { defaultTraffic, selects } from "./traffic";
import type { CompareSetting, CompareSpecResult, CompareVariant, YamlEdit } from "./types";

interface CompareOptions {
  cluster: ClusterSummary;
  /** namespace/name of the Service. */
  service: string;
  seed?: number;
  from?: string;
  to?: string;
  count?: number;
  /** The replica counts for "endpoints"; 2 and 3 by default. */
  replicas?: [number, number];
}

export const DEFAULT_COUNT = 20;
const DEFAULT_SEED = 1;

const field = (kind: string, name: string, path: string[], value: unknown): YamlEdit => ({
  kind,
  name,
  path,
  value,
});

/** The Deployment (or bare ReplicaSet) whose pods the Service selects, as namespace/name. */
function deploymentBehind(c: ClusterSummary, svc: ServiceSummary): string | null {
  return c.pods.find((p) => selects(svc, p) && p.owner)?.owner ?? null;
}

export function compareSpec(
  setting: CompareSetting,
  scenario: string,
  opts: CompareOptions,
): CompareSpecResult {
  const { cluster } = opts;
  const svc = cluster.services.find((s) => s.name === opts.service);
  if (!svc) return { ok: false, problem: "noService" };
  let variants: [CompareVariant, CompareVariant];
  switch (setting) {
    case "externalTrafficPolicy": {
      const edit = (value: string) => field("Service", svc.name, ["spec", "externalTrafficPolicy"], value);
      variants = [
        { value: "Cluster", edits: [edit("Cluster")] },
        { value: "Local", edits: [edit("Local")] },
      ];
      break;
    }
    case "sessionAffinity": {
      const edit = (value: string) => field("Service", svc.name, ["spec", "sessionAffinity"], value);
      variants = [
        // The API server refuses sessionAffinityConfig without ClientIP, so None drops it.
        {
          value: "None",
          edits: [edit("None"), field("Service", svc.name, ["spec", "sessionAffinityConfig"], undefined)],
        },
        { value: "ClientIP", edits: [edit("ClientIP")] },
      ];
      break;
    }
    case "connection":
      variants = [
        { value: "new", edits: [], connection: "new" },
        { value: "keepalive", edits: [], connection: "keepalive" },
      ];
      break;
    case "endpoints": {
      if (!svc.selector || Object.keys(svc.selector).length === 0)
        return { ok: false, problem: "noSelector" };
      const owner = deploymentBehind(cluster, svc);
      if (!owner) return { ok: false, problem: "noDeployment" };
      const [a, b] = opts.replicas ?? [2, 3];
      const edit = (n: number) => field("Deployment", owner, ["spec", "replicas"], n);
      variants = [
        { value: a, edits: [edit(a)] },
        { value: b, edits: [edit(b)] },
      ];
      break;
    }
  }
  let from = opts.from;
  let to = opts.to;
  if (!from || !to) {
    const d = defaultTraffic(setting, cluster, svc);
    if ("problem" in d) return { ok: false, problem: d.problem };
    from ??= d.from;
    to ??= d.to;
  }
  return {
    ok: true,
    spec: {
      setting,
      scenario,
      seed: opts.seed ?? DEFAULT_SEED,
      service: svc.name,
      traffic: { from, to, count: opts.count ?? DEFAULT_COUNT },
      variants,
    },
  };
}
