declare module "virtual:kube-hops-bench-graph" {
  import type { BenchGraph } from "./graphData";
  const graph: BenchGraph;
  export default graph;
}
