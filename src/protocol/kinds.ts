// How objects are named, as the model's diagnostics and kubectl name them (Kind/namespace/name, or
// Kind/name for cluster-scoped kinds): an exported listing names the objects it changed this way.
export { objectName } from "../model/decode/kinds";
