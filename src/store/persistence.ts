// Autosave: the person's manifests, layout and view settings in localStorage, so a reload loses
// nothing. Whatever is stored is checked field by field before use (it may have been written by an older
// build, cut short by a full disk, or edited by hand): a field that fails its check is left out, and an
// entry with any such field is copied aside (so the text in it is never lost) and not read again.
import type { ClusterSummary } from "../protocol/messages";
import type { Position, Theme } from "./playgroundStore";
import { checkClusterSummary } from "./savedCluster";

interface SavedPlayground {
  yaml: string;
  positions: Record<string, Position>;
  theme: Theme;
  projector: boolean;
  /** The cluster last drawn, and the text it came from (to draw at once on a reload). */
  cluster?: ClusterSummary | null;
  clusterYaml?: string;
}

/** What a saved entry gives back: every field that passed its check (no text when the text failed). */
export type RestoredPlayground = Omit<SavedPlayground, "yaml"> & { yaml?: string };

/** The fields of an entry that failed their check, by name ("json" when it was not JSON at all). */
type DamagedField =
  "json" | "entry" | "version" | "yaml" | "positions" | "theme" | "projector" | "cluster" | "clusterYaml";

export interface SaveDamage {
  fields: DamagedField[];
  /** Where the damaged entry was copied, as it was; null when storage refused the copy. */
  movedTo: string | null;
  /** Whether the text itself passed its check (and so is back in the editor). */
  textKept: boolean;
}

interface LoadedSave {
  saved: RestoredPlayground | null;
  damage: SaveDamage | null;
}

const VERSION = 1;
/**
 * The longest text autosave keeps or restores, in characters. Browsers give an origin about 5 MB of
 * localStorage (UTF-16, so about 2.5 million characters); the limit leaves room for the rest of the entry.
 */
export const SAVED_YAML_LIMIT = 1_000_000;
/** At most this many node positions are kept; a layout has one per drawn node. */
export const SAVED_POSITIONS_LIMIT = 20_000;
/** Positions are canvas coordinates: anything beyond this is not a place on the canvas. */
const COORDINATE_LIMIT = 1e7;
const ID_LIMIT = 512;

/** Where a damaged entry of `key` is copied. */
const damagedKey = (key: string): string => `${key}:damaged`;

export function loadSaved(key: string): LoadedSave {
  let raw: string | null;
  try {
    raw = globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return { saved: null, damage: null }; // storage blocked (a sandboxed iframe): nothing saved
  }
  if (raw === null) return { saved: null, damage: null };
  const { saved, fields } = readEntry(raw);
  if (!fields.length) return { saved, damage: null };
  const movedTo = moveAside(key, raw, saved);
  return { saved, damage: { fields, movedTo, textKept: saved?.yaml !== undefined } };
}

/** The text of an entry, read as leniently as possible (for the recovery screen's copy box). */
export function savedText(key: string): string | null {
  for (const k of [key, damagedKey(key)]) {
    try {
      const raw = globalThis.localStorage?.getItem(k);
      if (!raw) continue;
      const v: unknown = JSON.parse(raw);
      if (isRecord(v) && typeof v.yaml === "string") return v.yaml;
    } catch {
      // not JSON, or storage blocked: try the next
    }
  }
  return null;
}

/**
 * Moves the saved entry aside (for "reset to the default scenario" after a failure): the next load
 * starts from the scenario, and the person's text stays in storage under `damagedKey(key)`.
 */
export function putAside(key: string): void {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (raw == null) return;
    globalThis.localStorage?.setItem(damagedKey(key), raw);
    globalThis.localStorage?.removeItem(key);
  } catch {
    // Storage blocked or full: the entry stays, and the reset starts from it again.
  }
}

export function savePlayground(key: string, data: SavedPlayground): void {
  // Text beyond the limit would be refused on the next load: keep the last entry that fits instead.
  if (data.yaml.length > SAVED_YAML_LIMIT) return;
  const { cluster, clusterYaml, ...rest } = data;
  // The cached cluster only saves a moment on a reload: dropped when it would not pass its own check.
  const keepCluster =
    cluster &&
    typeof clusterYaml === "string" &&
    clusterYaml.length <= SAVED_YAML_LIMIT &&
    checkClusterSummary(cluster);
  try {
    globalThis.localStorage?.setItem(
      key,
      JSON.stringify({ version: VERSION, ...rest, ...(keepCluster ? { cluster, clusterYaml } : {}) }),
    );
  } catch {
    // Storage full or blocked (private mode, sandboxed iframe): the session still works, unsaved.
  }
}

/** Checks each field; returns what passed and the names of what did not. */
function readEntry(raw: string): { saved: RestoredPlayground | null; fields: DamagedField[] } {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return { saved: null, fields: ["json"] };
  }
  if (!isRecord(v)) return { saved: null, fields: ["entry"] };
  // Another version's fields may mean something else: none of them is trusted.
  if (v.version !== VERSION) return { saved: null, fields: ["version"] };
  const fields: DamagedField[] = [];
  const saved: RestoredPlayground = { positions: {}, theme: "light", projector: false };

  if (typeof v.yaml === "string" && v.yaml.length <= SAVED_YAML_LIMIT) saved.yaml = v.yaml;
  else fields.push("yaml");

  if (v.positions !== undefined) {
    const p = readPositions(v.positions);
    saved.positions = p.positions;
    if (p.damaged) fields.push("positions");
  }

  if (v.theme === "light" || v.theme === "dark") saved.theme = v.theme;
  else if (v.theme !== undefined) fields.push("theme");

  if (typeof v.projector === "boolean") saved.projector = v.projector;
  else if (v.projector !== undefined) fields.push("projector");

  const clusterYamlOk =
    v.clusterYaml === undefined ||
    (typeof v.clusterYaml === "string" && v.clusterYaml.length <= SAVED_YAML_LIMIT);
  if (!clusterYamlOk) fields.push("clusterYaml");
  if (v.cluster !== undefined && v.cluster !== null) {
    if (!checkClusterSummary(v.cluster)) fields.push("cluster");
    else if (clusterYamlOk && typeof v.clusterYaml === "string") {
      saved.cluster = v.cluster;
      saved.clusterYaml = v.clusterYaml;
    }
  }
  return { saved, fields };
}

/** The positions that are finite points on the canvas, by a plausible node id (a shared link's too). */
export function readPositions(v: unknown): { positions: Record<string, Position>; damaged: boolean } {
  const positions: Record<string, Position> = {};
  if (!isRecord(v)) return { positions, damaged: true };
  const entries = Object.entries(v);
  let damaged = entries.length > SAVED_POSITIONS_LIMIT;
  for (const [id, p] of entries.slice(0, SAVED_POSITIONS_LIMIT)) {
    // "__proto__" as a key would set the object's prototype rather than add a position.
    if (
      id === "__proto__" ||
      id.length > ID_LIMIT ||
      !isRecord(p) ||
      !isCoordinate(p.x) ||
      !isCoordinate(p.y)
    ) {
      damaged = true;
      continue;
    }
    positions[id] = { x: p.x, y: p.y };
  }
  return { positions, damaged };
}

const isCoordinate = (n: unknown): n is number =>
  typeof n === "number" && Number.isFinite(n) && Math.abs(n) <= COORDINATE_LIMIT;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Copies the damaged entry aside as it was, then replaces it with what passed (or removes it), so the
 * next load neither meets the damage again nor loses the person's text.
 */
function moveAside(key: string, raw: string, saved: RestoredPlayground | null): string | null {
  const aside = damagedKey(key);
  let movedTo: string | null = aside;
  try {
    globalThis.localStorage?.setItem(aside, raw);
  } catch {
    movedTo = null; // storage full: the entry stays where it is rather than be lost
  }
  try {
    if (saved?.yaml !== undefined) savePlayground(key, { ...saved, yaml: saved.yaml } as SavedPlayground);
    else if (movedTo) globalThis.localStorage?.removeItem(key);
  } catch {
    // storage blocked: nothing more to do
  }
  return movedTo;
}
