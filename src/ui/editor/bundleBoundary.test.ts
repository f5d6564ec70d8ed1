// The editor is loaded when first opened: nothing outside src/ui/editor may import CodeMirror, and the
// rest of the app reaches the editor only through a dynamic import (React.lazy) or type-only imports.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");
const src = join(root, "src");
const editorDir = join(src, "ui/editor");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return p === editorDir ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Static `import ... from "x"` and `export ... from "x"` specifiers, leaving out `import type`. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(
    /^\s*(?:import|export)\s+(type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm,
  ))
    if (!m[1]) out.push(m[2]!);
  return out;
}

describe("the editor's bundle boundary", () => {
  const files = sourceFiles(src);

  it("finds the app's sources", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("keeps CodeMirror and Lezer out of every file outside src/ui/editor", () => {
    const offenders = files.filter((f) => /["']@(codemirror|lezer)\//.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it("reaches the editor only through dynamic imports", () => {
    const offenders = files.flatMap((f) =>
      staticImports(readFileSync(f, "utf8"))
        .filter((s) => s.startsWith(".") && join(f, "..", s).startsWith(editorDir))
        .map((s) => `${relative(root, f)} -> ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it("recognises static and type-only imports", () => {
    expect(staticImports('import A from "./editor/YamlEditor";\nimport type { B } from "./b";')).toEqual([
      "./editor/YamlEditor",
    ]);
    expect(staticImports('const E = lazy(() => import("./editor/YamlEditor"));')).toEqual([]);
  });
});
