// The manifests as documents in file order. The playground creates objects in that order, as
// `kubectl apply -f` does with one file, so a document's place says what existed when a pod started.

const SEPARATOR = /^---[ \t]*\n/m;

const holds = (doc: string, kind: string, name: string): boolean =>
  new RegExp(`^kind:\\s*${kind}\\s*$`, "m").test(doc) &&
  new RegExp(`^\\s+name:\\s*${name}\\s*$`, "m").test(doc);

/** The position of the document that writes this object, or -1. */
export function documentIndex(text: string, kind: string, name: string): number {
  return text.split(SEPARATOR).findIndex((d) => holds(d, kind, name));
}

/** The text with that object's document moved to the end of the file (created last). */
export function moveToEnd(text: string, kind: string, name: string): string {
  const docs = text.split(SEPARATOR);
  const i = docs.findIndex((d) => holds(d, kind, name));
  if (i < 0) return text;
  const [doc] = docs.splice(i, 1);
  const rest = docs.join("---\n").replace(/\s*$/, "\n");
  return `${rest}---\n${doc!.replace(/\s*$/, "\n")}`;
}
