// Reads multi-document YAML with the `yaml` package and keeps, for every object, a way back from an API
// field path (`spec.ports[0].nodePort`) to the line and column it came from.
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node as YamlNode,
} from "yaml";
import type { Diagnostic } from "./diagnostics";

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
}

export interface ReadResult {
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

function nodeAt(root: YamlNode | null | undefined, segs: readonly (string | number)[]): YamlNode | undefined {
  let cur: YamlNode | null | undefined = root;
  for (const seg of segs) {
    if (isMap(cur)) {
      const pair = cur.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return undefined;
      cur = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
    } else if (isSeq(cur) && typeof seg === "number") {
      cur = cur.items[seg] as YamlNode | undefined;
    } else return undefined;
    if (!cur) return undefined;
  }
  return cur ?? undefined;
}

function locator(doc: Document, lc: LineCounter, prefix: (string | number)[]) {
  return (path: string): Position => {
    const segs = [...prefix, ...parseFieldPath(path)];
    for (let n = segs.length; n >= 0; n--) {
      const node = nodeAt(doc.contents as YamlNode, segs.slice(0, n));
      if (node?.range) {
        const p = lc.linePos(node.range[0]);
        return { line: p.line, column: p.col };
      }
    }
    const start = doc.range?.[0] ?? 0;
    const p = lc.linePos(start);
    return { line: p.line, column: p.col };
  };
}

/**
 * Splits text into objects: every document, and every item of a `kind: List` document (what
 * `kubectl get -o yaml` prints). Syntax errors become diagnostics; the documents that parse still load.
 */
export function readYaml(text: string, file: string): ReadResult {
  const lc = new LineCounter();
  const objects: SourceObject[] = [];
  const diagnostics: Diagnostic[] = [];
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      lineCounter: lc,
      prettyErrors: false,
      uniqueKeys: true,
    }) as Document.Parsed[];
  } catch (e) {
    diagnostics.push(syntax(file, 1, 1, `YAML could not be read: ${(e as Error).message}`));
    return { objects, diagnostics };
  }
  if (!Array.isArray(docs)) docs = [docs];
  for (const doc of docs) {
    if (doc.errors.length) {
      for (const err of doc.errors) {
        const pos = err.linePos?.[0] ?? lc.linePos(err.pos[0]);
        diagnostics.push(syntax(file, pos.line, "col" in pos ? pos.col : 1, yamlMessage(err.message)));
      }
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      const p = lc.linePos(doc.range[0]);
      diagnostics.push(syntax(file, p.line, p.col, `YAML could not be read: ${(e as Error).message}`));
      continue;
    }
    if (value === null || value === undefined) continue; // an empty document, as kubectl skips it
    const isList =
      typeof value === "object" &&
      !Array.isArray(value) &&
      typeof (value as { kind?: unknown }).kind === "string" &&
      (value as { kind: string }).kind.endsWith("List") &&
      Array.isArray((value as { items?: unknown }).items);
    if (isList) {
      (value as { items: unknown[] }).items.forEach((item, i) =>
        objects.push({ value: item, file, locate: locator(doc, lc, ["items", i]) }),
      );
    } else {
      objects.push({ value, file, locate: locator(doc, lc, []) });
    }
  }
  return { objects, diagnostics };
}

function yamlMessage(m: string): string {
  // The yaml package appends " at line L, column C" and a code frame; the position is given apart.
  const first = m.split("\n")[0] ?? m;
  return `YAML syntax error: ${first.replace(/ at line \d+, column \d+:?$/, "")}`;
}

function syntax(file: string, line: number, column: number, message: string): Diagnostic {
  return { severity: "error", message, path: "", object: "", file, line, column };
}
