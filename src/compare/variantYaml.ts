// The manifests of one side of a comparison: the scenario with the side's edits applied.
import type { YamlTools } from "../store/yamlTools";
import type { CompareSpec, CompareVariant, YamlEdit } from "./types";

type VariantYamls = { ok: true; yamls: [string, string] } | { ok: false; missing: YamlEdit };

/** The edited text, or the edit whose object is not written in the scenario. */
function variantYaml(
  scenario: string,
  variant: CompareVariant,
  tools: YamlTools,
): { ok: true; yaml: string } | { ok: false; missing: YamlEdit } {
  let text = scenario;
  for (const e of variant.edits) {
    const next = tools.patchObject(text, tools.ref(e.kind, e.name), e.path, e.value);
    if (next === null) return { ok: false, missing: e };
    text = next;
  }
  return { ok: true, yaml: text };
}

/** Both sides' manifests, or the first edit that cannot be made. */
export function variantYamls(spec: CompareSpec, tools: YamlTools): VariantYamls {
  const a = variantYaml(spec.scenario, spec.variants[0], tools);
  if (!a.ok) return a;
  const b = variantYaml(spec.scenario, spec.variants[1], tools);
  if (!b.ok) return b;
  return { ok: true, yamls: [a.yaml, b.yaml] };
}
