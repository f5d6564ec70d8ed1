// Export costs the first screen only its button: the menu, the renderers, the GIF encoder and the YAML
// tools load on first use. Pinned on the sources' imports, so a stray static import fails here before
// it shows in bench:ui's initial-JS figure.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const src = join(import.meta.dirname, "..");
const exportDir = join(src, "export");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.(test|d)\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Static import and re-export specifiers, leaving out `import type`. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(
    /^\s*(?:import|export)\s+(type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm,
  ))
    if (!m[1]) out.push(m[2]!);
  return out;
}

const files = sourceFiles(src);
const importsOf = (f: string) => staticImports(readFileSync(f, "utf8"));

describe("the export's bundle boundary", () => {
  it("lets the rest of the app import only the Export button", () => {
    const outside = files.filter((f) => !f.startsWith(exportDir));
    const offenders = outside.flatMap((f) =>
      importsOf(f)
        .filter((s) => /(^|\/)export\//.test(s) && !s.endsWith("export/ExportButton"))
        .map((s) => `${relative(src, f)} -> ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it("gives the button no static import of the menu", () => {
    expect(importsOf(join(exportDir, "ExportButton.tsx")).filter((s) => s.startsWith("./"))).toEqual([]);
  });

  it("keeps gifenc and the yaml package behind dynamic imports of their own modules", () => {
    const menu = importsOf(join(exportDir, "ExportMenu.tsx"));
    expect(menu).not.toContain("./gifExport");
    expect(menu).not.toContain("./kubectlYaml");
    const gifenc = files.filter((f) => importsOf(f).includes("gifenc")).map((f) => relative(src, f));
    expect(gifenc).toEqual(["export/gifExport.ts"]);
  });
});
