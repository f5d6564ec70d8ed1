// The store's own words: refusals it explains, and the names of undoable changes (undo/redo titles).
export const store = {
  "store.notWritten":
    "{kind} {name} is not written in the YAML (it comes from elsewhere), so it cannot be changed here. Edit the manifests instead.",
  "store.chooseTarget":
    "Choose a target first: a node's IP:NodePort, a LoadBalancer IP, a ClusterIP or a DNS name",
  "history.failNode": "fail {node}",
  "history.recoverNode": "recover {node}",
  "history.deletePod": "delete pod {pod}",
  "history.scale": "scale {deployment} to {replicas}",
  "history.field": "{field} {value} on {service}",
  "history.ports": "ports of {service}",
  "history.editYaml": "edit YAML",
  "history.revertYaml": "revert YAML",
  "history.openFile": "open {file}",
};
