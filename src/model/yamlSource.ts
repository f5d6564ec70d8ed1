// Reads multi-document YAML with the `yaml` package and keeps, for every object, a way back from an API
// field path (`spec.ports[0].nodePort`) to the line and column it came from.
//
// The YAML is turned into values by hand rather than by the package's toJS, because text typed by
// anyone must not be able to trick what reads it:
// - every mapping becomes an object without a prototype, so `__proto__`, `constructor` or `toString`
//   are keys like any other (the decoder and the validators then refuse them where Kubernetes would);
// - duplicate keys are found with one hash set per mapping (linear; the package compares each key with
//   every earlier one, which took 98 s on a 20 MB Pod);
// - nesting is bounded (MAX_NESTING levels, aliases included), checked on the parser's tokens before
//   anything recursive runs, so a deep document gets a diagnostic instead of a stack overflow;
// - aliases may repeat at most MAX_ALIAS_NODES nodes per document (no "billion laughs");
// - characters YAML does not allow (control characters, unpaired surrogates such as the bytes that
//   were not UTF-8 in surrogate-escaped text) are reported where they stand.
import {
  Composer,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  type CST,
  type Document,
  type Node as YamlNode,
  type Pair,
  type YAMLMap,
} from "yaml";
import type { Diagnostic } from "./diagnostics";
import { badCharacterMessage, excerpt, maskBadCharacters, nextBadCharacter } from "./text";

/** How deeply mappings and lists may nest in one document (a Pod needs about 8; CRDs reach 30). */
export const MAX_NESTING = 100;
/**
 * Objects read from one file (documents and List items): enough for a real cluster's
 * `kubectl get ... -A -o yaml`, while a load stays within seconds (about 0.6 s per 1,000 Services).
 */
export const MAX_OBJECTS = 10_000;
/** How many nodes aliases may repeat in one document, counting every node of each repeated value. */
const MAX_ALIAS_NODES = 100_000;

export interface Position {
  line: number;
  column: number;
}

/** One object as read from a file, before it is known to be a valid Kubernetes object. */
export interface SourceObject {
  value: unknown;
  file: string;
  /** Where a field path of this object sits in its file (the nearest existing ancestor when absent). */
  locate: (path: string) => Position;
  /** Read from the items of a List (as `kubectl get -o yaml` prints several objects). */
  listItem?: true;
}

interface ReadResult {
  objects: SourceObject[];
  diagnostics: Diagnostic[];
}

/** `spec.ports[0].nodePort` -> ["spec", "ports", 0, "nodePort"]. */
export function parseFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}

/** The pairs of each mapping by key, built while converting: a located key is found in constant time. */
type KeyIndex = WeakMap<YAMLMap, Map<string, Pair>>;

function nodeAt(
  root: YamlNode | null | undefined,
  segs: readonly (string | number)[],
  keys: KeyIndex,
): YamlNode | undefined {
  let cur: YamlNode | null | undefined = root;
  for (const seg of segs) {
    if (isMap(cur)) {
      const pair = keys.get(cur)?.get(String(seg));
      if (!pair) return undefined;
      cur = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
    } else if (isSeq(cur) && typeof seg === "number") {
      cur = cur.items[seg] as YamlNode | undefined;
    } else return undefined;
    if (!cur) return undefined;
  }
  return cur ?? undefined;
}

function locator(doc: Document, lc: LineCounter, prefix: (string | number)[], keys: KeyIndex) {
  return (path: string): Position => {
    const segs = [...prefix, ...parseFieldPath(path)];
    for (let n = segs.length; n >= 0; n--) {
      const node = nodeAt(doc.contents as YamlNode, segs.slice(0, n), keys);
      if (node?.range) {
        const p = lc.linePos(node.range[0]);
        return { line: p.line, column: p.col };
      }
    }
    const p = lc.linePos(doc.range?.[0] ?? 0);
    return { line: p.line, column: p.col };
  };
}

/**
 * Splits text into objects: every document, and every item of a `kind: List` document (what
 * `kubectl get -o yaml` prints). Syntax errors become diagnostics; the documents that parse still load.
 * Never throws.
 */
export function readYaml(text: string, file: string): ReadResult {
  const lc = new LineCounter();
  const objects: SourceObject[] = [];
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number, message: string) => {
    const p = lc.linePos(offset);
    diagnostics.push(syntax(file, p.line, p.col, message));
  };
  // Characters YAML refuses are reported, and replaced in what the parser sees (same length, so every
  // offset still points into the text) so that one bad byte costs its document, not the file.
  let nextBad = nextBadCharacter(text, 0);
  const source = nextBad === Infinity ? text : maskBadCharacters(text);
  /** The first refused character in [from, to), if any; `from` only grows, so this stays linear. */
  const badIn = (from: number, to: number): number | null => {
    if (nextBad < from) nextBad = nextBadCharacter(text, from);
    return nextBad < to ? nextBad : null;
  };
  let badReported = false;
  let docs: Document.Parsed[];
  const tooDeep: number[] = [];
  try {
    const tokens = [...new Parser(lc.addNewLine).parse(source)];
    for (const t of tokens) {
      if (t.type !== "document" || !t.value) continue;
      const deep = firstTooDeep(t.value);
      if (deep === null) continue;
      tooDeep.push(deep);
      // An empty document in its place keeps the stream's shape for the composer.
      delete t.value;
    }
    docs = [...new Composer({ uniqueKeys: false }).compose(tokens)] as Document.Parsed[];
  } catch (e) {
    at(0, `YAML could not be read: ${excerpt(String((e as Error).message), 120)}`);
    return { objects, diagnostics };
  }
  for (const offset of tooDeep)
    at(
      offset,
      `YAML nesting is deeper than ${MAX_NESTING} levels: a manifest may nest at most ${MAX_NESTING}`,
    );
  for (const doc of docs) {
    const bad = badIn(doc.range[0], doc.range[2]);
    if (bad !== null) {
      badReported = true;
      at(bad, `YAML syntax error: ${badCharacterMessage(text, bad)}`);
      continue;
    }
    if (doc.errors.length) {
      for (const err of doc.errors) at(err.pos[0], yamlMessage(err.message));
      continue;
    }
    const keys: KeyIndex = new WeakMap();
    const conv = new Converter(keys);
    let value: unknown;
    try {
      value = conv.convert(doc.contents as YamlNode | null, 0);
    } catch (e) {
      at(doc.range[0], `YAML could not be read: ${excerpt(String((e as Error).message), 120)}`);
      continue;
    }
    if (conv.problem) {
      at(conv.problem.offset, conv.problem.message);
      continue;
    }
    if (value === null || value === undefined) continue; // an empty document, as kubectl skips it
    const v = value as { kind?: unknown; items?: unknown };
    const isList =
      typeof value === "object" &&
      !Array.isArray(value) &&
      typeof v.kind === "string" &&
      v.kind.endsWith("List") &&
      Array.isArray(v.items);
    const found = isList ? (v.items as unknown[]).length : 1;
    if (objects.length + found > MAX_OBJECTS) {
      at(
        doc.range[0],
        `too many objects: a file may hold at most ${MAX_OBJECTS} (documents and List items); this document and the rest of the file are not read`,
      );
      break;
    }
    if (isList) {
      (v.items as unknown[]).forEach((item, i) =>
        objects.push({ value: item, file, locate: locator(doc, lc, ["items", i], keys), listItem: true }),
      );
    } else {
      objects.push({ value, file, locate: locator(doc, lc, [], keys) });
    }
  }
  // A refused character outside every document (in a comment between them, say) still loads nothing
  // wrong, but deserves a word: the first one is named.
  if (source !== text && !badReported) {
    const first = nextBadCharacter(text, 0);
    at(first, `YAML syntax error: ${badCharacterMessage(text, first)}`);
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { objects, diagnostics };
}

/** The offset of the first collection nested deeper than MAX_NESTING, walking with a stack of our own. */
function firstTooDeep(root: CST.Token): number | null {
  const stack: [CST.Token, number][] = [[root, 1]];
  while (stack.length) {
    const [tok, depth] = stack.pop()!;
    if (tok.type !== "block-map" && tok.type !== "block-seq" && tok.type !== "flow-collection") continue;
    if (depth > MAX_NESTING) return tok.offset;
    // Pushed last to first, so that the walk meets collections in the order the text has them.
    for (let i = tok.items.length - 1; i >= 0; i--) {
      const item = tok.items[i]!;
      if (item.value) stack.push([item.value, depth + 1]);
      if (item.key) stack.push([item.key, depth + 1]);
    }
  }
  return null;
}

interface Converted {
  value: unknown;
  /** Nodes in the value with aliases expanded, and how deeply it nests. */
  size: number;
  height: number;
}

/** From the composed nodes to plain values: objects without prototypes, duplicate keys refused. */
class Converter {
  problem: { offset: number; message: string } | null = null;
  private readonly anchors = new Map<string, Converted>();
  private aliased = 0;

  constructor(private readonly keys: KeyIndex) {}

  convert(node: YamlNode | null | undefined, depth: number): unknown {
    return this.node(node, depth).value;
  }

  private fail(node: YamlNode | null | undefined, message: string): Converted {
    this.problem ??= { offset: node?.range?.[0] ?? 0, message };
    return { value: null, size: 1, height: 0 };
  }

  private node(node: YamlNode | null | undefined, depth: number): Converted {
    if (this.problem || node === null || node === undefined) return { value: null, size: 1, height: 0 };
    let out: Converted;
    if (isAlias(node)) {
      const target = this.anchors.get(node.source);
      if (!target)
        return this.fail(
          node,
          `YAML syntax error: unknown alias *${excerpt(node.source, 40)} (define the anchor first)`,
        );
      if (depth + target.height > MAX_NESTING)
        return this.fail(
          node,
          `YAML nesting is deeper than ${MAX_NESTING} levels through the alias *${excerpt(node.source, 40)}: a manifest may nest at most ${MAX_NESTING}`,
        );
      this.aliased += target.size;
      if (this.aliased > MAX_ALIAS_NODES)
        return this.fail(
          node,
          `YAML aliases repeat more than ${MAX_ALIAS_NODES} nodes in this document: at most ${MAX_ALIAS_NODES} may be repeated`,
        );
      return target;
    } else if (isMap(node)) {
      const obj: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      const index = new Map<string, Pair>();
      let size = 1;
      let height = 0;
      for (const pair of node.items as Pair[]) {
        const key = this.key(pair.key as YamlNode | null, depth + 1);
        if (key === null) break;
        if (index.has(key))
          return this.fail(pair.key as YamlNode, "YAML syntax error: Map keys must be unique");
        index.set(key, pair);
        const v = this.node(pair.value as YamlNode | null, depth + 1);
        obj[key] = v.value;
        size += v.size + 1;
        height = Math.max(height, v.height);
      }
      this.keys.set(node, index);
      out = { value: obj, size, height: height + 1 };
    } else if (isSeq(node)) {
      const arr: unknown[] = [];
      let size = 1;
      let height = 0;
      for (const item of node.items) {
        // YAML 1.1's !!omap and !!pairs hold pairs in a list; JSON has no such thing.
        if (isPair(item))
          return this.fail(node, "YAML syntax error: a list of pairs (!!omap, !!pairs) is not JSON");
        const v = this.node(item as YamlNode | null, depth + 1);
        arr.push(v.value);
        size += v.size;
        height = Math.max(height, v.height);
      }
      out = { value: arr, size, height: height + 1 };
    } else if (isScalar(node)) {
      // YAML 1.1 documents (`%YAML 1.1`) may hold timestamps and !!binary, read as Date and bytes;
      // JSON, and so the API server, has them as the text they were written as.
      const v = node.value;
      const value = typeof v === "object" && v !== null ? (node.source ?? JSON.stringify(v)) : (v ?? null);
      out = { value, size: 1, height: 0 };
    } else {
      return this.fail(node, "YAML syntax error: unexpected node");
    }
    if (node.anchor) this.anchors.set(node.anchor, out);
    return out;
  }

  /** A mapping key as JSON has it: a string. Keys that are mappings or lists have no such form. */
  private key(node: YamlNode | null, depth: number): string | null {
    const k = this.node(node, depth);
    if (this.problem) return null;
    const v = k.value;
    if (v === null || v === undefined) return "";
    if (typeof v === "object") {
      this.fail(
        node,
        `YAML syntax error: invalid map key: a ${Array.isArray(v) ? "list" : "mapping"} cannot be a key`,
      );
      return null;
    }
    return String(v);
  }
}

function yamlMessage(m: string): string {
  // The yaml package appends " at line L, column C" and a code frame; the position is given apart.
  const first = m.split("\n")[0] ?? m;
  return `YAML syntax error: ${excerpt(first.replace(/ at line \d+, column \d+:?$/, ""), 200)}`;
}

function syntax(file: string, line: number, column: number, message: string): Diagnostic {
  return { severity: "error", message, path: "", object: "", file, line, column };
}
