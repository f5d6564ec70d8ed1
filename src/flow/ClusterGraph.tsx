// Placeholder: the React Flow graph of the cluster and its packet layer.
export function ClusterGraph() {
  return <div className="kh-graph-placeholder" />;
}
