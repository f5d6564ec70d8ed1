// Placeholder: the CodeMirror YAML editor (loaded on first open).
export default function YamlEditor() {
  return null;
}
