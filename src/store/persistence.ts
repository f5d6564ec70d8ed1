// Autosave: the person's manifests, layout and view settings in localStorage, so a reload loses
// nothing. Whatever is stored is checked before use; a damaged entry is ignored, never trusted.
import type { ClusterSummary } from "../protocol/messages";
import type { Position, Theme } from "./playgroundStore";

export interface SavedPlayground {
  yaml: string;
  positions: Record<string, Position>;
  theme: Theme;
  projector: boolean;
  /** The cluster last drawn, and the text it came from (to draw at once on a reload). */
  cluster?: ClusterSummary | null;
  clusterYaml?: string;
}

const VERSION = 1;

export function loadSaved(key: string): SavedPlayground | null {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<SavedPlayground> & { version?: number };
    if (v.version !== VERSION || typeof v.yaml !== "string") return null;
    const positions: Record<string, Position> = {};
    for (const [id, p] of Object.entries(v.positions ?? {}))
      if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) positions[id] = { x: p.x, y: p.y };
    return {
      yaml: v.yaml,
      positions,
      theme: v.theme === "dark" ? "dark" : "light",
      projector: v.projector === true,
      ...(looksLikeCluster(v.cluster) && typeof v.clusterYaml === "string"
        ? { cluster: v.cluster, clusterYaml: v.clusterYaml }
        : {}),
    };
  } catch {
    return null;
  }
}

export function savePlayground(key: string, data: SavedPlayground): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify({ version: VERSION, ...data }));
  } catch {
    // Storage full or blocked (private mode, sandboxed iframe): the session still works, unsaved.
  }
}

/** Enough of a cluster summary's shape to draw from; anything else is left for the worker to answer. */
function looksLikeCluster(c: unknown): c is ClusterSummary {
  const x = c as Partial<ClusterSummary> | null | undefined;
  return (
    !!x &&
    Array.isArray(x.nodes) &&
    Array.isArray(x.pods) &&
    Array.isArray(x.services) &&
    Array.isArray(x.clients)
  );
}
