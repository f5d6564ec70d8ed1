// A playground's whole state as a link: `#s=<payload>`, the payload being the JSON below packed by
// codec.ts. Other parameters of the fragment (a lesson's `lesson=N&step=M`) live alongside. A link is
// untrusted input: every field is checked as autosave checks what it reads, and any failure refuses
// the whole link with a reason the view puts into words. Nothing in it is ever rendered as HTML or run:
// the YAML goes to the simulation as text, actions through the engine's own checks.
import { checkAction } from "../protocol/actions";
import { type Lang, langOf } from "../i18n/core";
import { type JournalEntry, RESTORE_EVENT_LIMIT, type SimPoint } from "../protocol/messages";
import { readPositions, SAVED_YAML_LIMIT } from "../store/persistence";
import type { GraphView, Position } from "../store/playgroundStore";
import { LINK_PAYLOAD_LIMIT, packText, type UnpackProblem, unpackText } from "./codec";

const LINK_VERSION = 1;
/** The most simulation actions a link carries (each send, burst, failed node or live edit is one). */
export const JOURNAL_LIMIT = 1_000;
/** The most nodes a link may name as folded or unfolded (a cluster's node count is far below). */
const VIEW_NODES_LIMIT = 5_000;
/** Longer than any namespace or node name (a DNS subdomain is at most 253 characters). */
const NAME_LIMIT = 253;
/** Lessons and steps are numbered from 1 in the address; beyond this they are not ours. */
const ROUTE_LIMIT = 1000;

export interface SharedState {
  yaml: string;
  positions: Record<string, Position>;
  seed: number;
  /** The simulation's actions, each at the point it was taken. */
  journal: JournalEntry[];
  /** Where the run was when shared: the link opens paused there. */
  at: SimPoint;
  /** The open lesson (from 1) and its step (from 0), when shared from a lesson. */
  lesson?: number;
  step?: number;
  lang: Lang;
  /** The namespace shown and the folded node boxes, when not the defaults. */
  view?: GraphView;
}

/** A field of the payload, by its name in the JSON. */
type LinkField = "yaml" | "positions" | "seed" | "journal" | "at" | "lesson" | "step" | "lang" | "view";

/** Why a link could not be opened: the codec's reasons, and the payload's own. */
export type LinkProblem =
  | { code: UnpackProblem }
  | { code: "notJson" }
  /** Made by another version of Kube Hops (`version` as the link says, when it is a number). */
  | { code: "version"; version: number | null }
  | { code: "field"; field: LinkField };

type OpenedLink = { ok: true; state: SharedState } | ({ ok: false } & LinkProblem);

/** Why a state cannot be shared as a link. */
export type ShareRefusal =
  | { code: "tooManyActions"; count: number }
  | { code: "runTooLong"; events: number }
  | { code: "tooLarge"; length: number }
  | { code: "yamlTooLong" };

export async function encodeShared(
  s: SharedState,
): Promise<{ ok: true; payload: string } | ({ ok: false } & ShareRefusal)> {
  if (s.journal.length > JOURNAL_LIMIT) return { ok: false, code: "tooManyActions", count: s.journal.length };
  // A run the visitor's page would refuse to replay is not shared at all.
  if (s.at.events > RESTORE_EVENT_LIMIT) return { ok: false, code: "runTooLong", events: s.at.events };
  if (s.yaml.length > SAVED_YAML_LIMIT) return { ok: false, code: "yamlTooLong" };
  const json = {
    v: LINK_VERSION,
    yaml: s.yaml,
    positions: s.positions,
    seed: s.seed,
    journal: s.journal,
    at: s.at,
    ...(s.lesson !== undefined ? { lesson: s.lesson, step: s.step ?? 0 } : {}),
    lang: s.lang,
    ...(s.view && (s.view.namespace !== null || Object.keys(s.view.collapsed).length)
      ? { view: s.view }
      : {}),
  };
  const payload = await packText(JSON.stringify(json));
  if (payload.length > LINK_PAYLOAD_LIMIT) return { ok: false, code: "tooLarge", length: payload.length };
  return { ok: true, payload };
}

export async function decodeShared(payload: string): Promise<OpenedLink> {
  const unpacked = await unpackText(payload);
  if (!unpacked.ok) return { ok: false, code: unpacked.problem };
  let v: unknown;
  try {
    v = JSON.parse(unpacked.text);
  } catch {
    return { ok: false, code: "notJson" };
  }
  if (!isRecord(v)) return { ok: false, code: "notJson" };
  // Another version's fields may mean something else: none of them is trusted.
  if (v.v !== LINK_VERSION)
    return {
      ok: false,
      code: "version",
      version: typeof v.v === "number" && Number.isFinite(v.v) ? v.v : null,
    };
  const bad = (field: LinkField): OpenedLink => ({ ok: false, code: "field", field });

  if (typeof v.yaml !== "string" || v.yaml.length > SAVED_YAML_LIMIT) return bad("yaml");
  const positions = readPositions(v.positions ?? {});
  if (positions.damaged) return bad("positions");
  if (!isWhole(v.seed, 0, 0xffff_ffff)) return bad("seed");
  const journal = readJournal(v.journal);
  if (!journal) return bad("journal");
  const at = readPoint(v.at, RESTORE_EVENT_LIMIT);
  const last = journal.at(-1);
  if (!at || (last && (at.events < last.events || at.tick < last.tick))) return bad("at");
  const lang = langOf(typeof v.lang === "string" ? v.lang : null);
  if (!lang) return bad("lang");
  const state: SharedState = {
    yaml: v.yaml,
    positions: positions.positions,
    seed: v.seed,
    journal,
    at,
    lang,
  };
  if (v.view !== undefined) {
    const view = readView(v.view);
    if (!view) return bad("view");
    state.view = view;
  }
  if (v.lesson !== undefined) {
    if (!isWhole(v.lesson, 1, ROUTE_LIMIT)) return bad("lesson");
    if (!isWhole(v.step ?? 0, 0, ROUTE_LIMIT)) return bad("step");
    state.lesson = v.lesson;
    state.step = (v.step as number | undefined) ?? 0;
  }
  return { ok: true, state };
}

/** The graph's view: a namespace name or null, and node names mapped to true or false. */
function readView(v: unknown): GraphView | null {
  if (!isRecord(v) || !isRecord(v.collapsed)) return null;
  const ns = v.namespace ?? null;
  if (ns !== null && (typeof ns !== "string" || ns.length > NAME_LIMIT)) return null;
  const entries = Object.entries(v.collapsed);
  if (entries.length > VIEW_NODES_LIMIT) return null;
  const collapsed: Record<string, boolean> = {};
  for (const [node, on] of entries) {
    if (typeof on !== "boolean" || node.length > NAME_LIMIT) return null;
    // A plain record: a node named __proto__ stays a key.
    Object.defineProperty(collapsed, node, {
      value: on,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { namespace: ns, collapsed };
}

/** The actions, checked one by one and in run order; null when any fails. */
function readJournal(v: unknown): JournalEntry[] | null {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > JOURNAL_LIMIT) return null;
  const out: JournalEntry[] = [];
  let prev: SimPoint = { events: 0, tick: 0 };
  for (const e of v) {
    const at = readPoint(e, RESTORE_EVENT_LIMIT);
    if (!at || !isRecord(e) || checkAction(e.action) !== null) return null;
    if (at.events < prev.events || at.tick < prev.tick) return null;
    out.push({ ...at, action: e.action as JournalEntry["action"] });
    prev = at;
  }
  return out;
}

function readPoint(v: unknown, eventLimit: number): SimPoint | null {
  if (!isRecord(v) || !isWhole(v.events, 0, eventLimit) || !isWhole(v.tick, 0, Number.MAX_SAFE_INTEGER))
    return null;
  return { events: v.events, tick: v.tick };
}

const isWhole = (v: unknown, lo: number, hi: number): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
