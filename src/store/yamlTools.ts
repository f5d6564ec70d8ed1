// The YAML editing tools (the `yaml` package, ~30 KB gzipped) load on first use, not with the page:
// the first screen needs none of them.
export type YamlTools = typeof import("./yamlPatch");

let tools: YamlTools | null = null;
let loading: Promise<YamlTools> | null = null;

export function loadYamlTools(): Promise<YamlTools> {
  loading ??= import("./yamlPatch").then((m) => (tools = m));
  return loading;
}

/** The tools if they have loaded already, else null (and they start loading). */
export function yamlToolsNow(): YamlTools | null {
  if (!tools) void loadYamlTools();
  return tools;
}
