// Large and deeply nested manifests, built in memory for the manifest benchmark.

/** A Pod whose annotations hold `keys` entries, padded so that the text is about `bytes` long. */
export function podWithAnnotations(keys: number, bytes: number): string {
  const head = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\n  annotations:\n";
  const tail = "spec:\n  containers:\n    - name: c\n      image: nginx\n";
  const perLine = Math.max(40, Math.floor((bytes - head.length - tail.length) / keys));
  const lines: string[] = [];
  for (let i = 0; i < keys; i++) {
    const key = `    example.com/key-${String(i).padStart(6, "0")}: `;
    lines.push(key + "v".repeat(Math.max(1, perLine - key.length - 1)));
  }
  return `${head}${lines.join("\n")}\n${tail}`;
}

/** A ConfigMap with `keys` data entries. */
export function configMapWithKeys(keys: number): string {
  const lines: string[] = [];
  for (let i = 0; i < keys; i++) lines.push(`  key${i}: value${i}`);
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${lines.join("\n")}\n`;
}

/** A Pod with a value nested `depth` levels deep under an annotation-free field, in flow or block style. */
export function deeplyNested(depth: number, style: "flow" | "block"): string {
  const head = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\nspec:\n  x: ";
  if (style === "flow") return `${head}${"[".repeat(depth)}${"]".repeat(depth)}\n`;
  const lines: string[] = [];
  for (let i = 0; i < depth; i++) lines.push(`${"  ".repeat(i + 2)}a:`);
  return `${head}\n${lines.join("\n")} 1\n`;
}
