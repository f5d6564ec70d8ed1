// Actions on the graph change the manifests too (scale a Deployment, switch a Service's policy), so
// the editor always shows what the cluster runs. Edits go through the yaml Document API, which keeps
// the person's comments, order and layout.
import { type Document, isMap, parseAllDocuments } from "yaml";
import { parseNsName } from "../protocol/nsName";

type Ref = { kind: string; namespace: string; name: string };

function matches(doc: Document, ref: Ref): boolean {
  const js = doc.toJS() as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } } | null;
  return (
    !!js &&
    js.kind === ref.kind &&
    js.metadata?.name === ref.name &&
    ((js.metadata?.namespace as string | undefined) ?? "default") === ref.namespace
  );
}

/**
 * Sets (or, with undefined, deletes) a field of one object in the manifests. Returns the new text, or
 * null when the object is not written in them (made by a controller, or the text has errors).
 */
export function patchObject(
  text: string,
  ref: Ref,
  path: (string | number)[],
  value: unknown,
): string | null {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length)) return null;
  const doc = docs.find((d) => isMap(d.contents) && matches(d, ref));
  if (!doc) return null;
  if (value === undefined) doc.deleteIn(path);
  else doc.setIn(path, value);
  return docs.map((d) => d.toString()).join("");
}

/** "ns/name" to a reference of that kind. */
export function ref(kind: string, nsName: string): Ref {
  return { kind, ...parseNsName(nsName) };
}

/** The text of one object's document in the manifests, or null when it is not written there. */
export function objectText(text: string, r: Ref): string | null {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length)) return null;
  const doc = docs.find((d) => isMap(d.contents) && matches(d, r));
  return doc ? String(doc) : null;
}
