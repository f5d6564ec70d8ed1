// The kinds the model knows, and whether each is namespaced: an exported listing names objects as
// kubectl does (Kind/namespace/name, or Kind/name for cluster-scoped kinds).
export { kindInfo } from "../model/decode/kinds";
