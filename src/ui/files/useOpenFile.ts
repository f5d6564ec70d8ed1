// Opening a file (the editor's button, or a drop anywhere on the playground): its text replaces the
// editor's as one undoable change, so the work it replaces is one Undo away. The toast says what loaded
// (a cluster listing's size at a glance) or why nothing did.
import { useCallback } from "react";
import { phrase } from "../../i18n/phrase";
import { hasErrors } from "../../protocol/diagnostics";
import { namespacesOf } from "../../flow/graphView";
import { usePlaygroundApi } from "../../store/context";
import { SAVED_YAML_LIMIT } from "../../store/persistence";
import { MAX_FILE_BYTES, readTextFile } from "./openFile";

/** Past this many Services, an opened cluster is shown one namespace at a time. */
const WHOLE_CLUSTER_SERVICES = 40;

/** The namespace with the most pods, the cluster's own (kube-*) last. */
function busiest(namespaces: ReturnType<typeof namespacesOf>): string | null {
  const system = (n: string) => n.startsWith("kube-");
  const best = [...namespaces].sort(
    (a, b) => Number(system(a.name)) - Number(system(b.name)) || b.pods - a.pods,
  )[0];
  return best?.name ?? null;
}

export function useOpenFile(): (file: File) => Promise<void> {
  const api = usePlaygroundApi();
  return useCallback(
    async (file: File) => {
      const name = file.name || "?";
      const read = await readTextFile(file);
      const s = api.getState();
      if (!read.ok) {
        s.showNotice({
          kind: "error",
          ...phrase(`editor.file.${read.problem}`, { file: name, limit: MAX_FILE_BYTES / 1024 / 1024 }),
        });
        return;
      }
      const before = s.positions;
      await s.setYaml(read.text, { record: phrase("history.openFile", { file: name }) });
      const after = api.getState();
      if (after.yaml !== read.text) return; // something newer replaced it meanwhile
      const errors = after.diagnostics.filter((d) => d.severity === "error").length;
      if (hasErrors(after.diagnostics)) {
        after.setPanel("yaml");
        after.showNotice({ kind: "error", ...phrase("editor.file.refused", { file: name, count: errors }) });
        return;
      }
      const c = after.cluster;
      if (!c) return;
      // Another cluster: laid out afresh, not on the boxes of the one before. A big one opens on its
      // busiest namespace, since a column of hundreds of Services is no picture at all.
      const namespaces = namespacesOf(c);
      const namespace = c.services.length > WHOLE_CLUSTER_SERVICES ? busiest(namespaces) : null;
      after.setGraphView({ namespace });
      if (after.positions === before) after.setPositions({});
      const counts = {
        file: name,
        nodes: c.nodes.length,
        pods: c.pods.length,
        services: c.services.length,
        namespaces: namespaces.length,
      };
      // Past the autosave's limit the text is not kept: a reload brings back the last work saved.
      const unsaved = read.text.length > SAVED_YAML_LIMIT;
      const key = namespace
        ? unsaved
          ? "editor.file.openedNamespaceUnsaved"
          : "editor.file.openedNamespace"
        : unsaved
          ? "editor.file.openedUnsaved"
          : "editor.file.opened";
      after.showNotice({
        kind: "info",
        ...phrase(key, {
          ...counts,
          namespace: namespace ?? "",
          limit: SAVED_YAML_LIMIT.toLocaleString("en"),
        }),
      });
    },
    [api],
  );
}
