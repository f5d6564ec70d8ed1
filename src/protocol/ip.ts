// Address arithmetic the view shares with the model: a node's pod CIDR and the addresses in it (its
// first one is the pods' gateway, which masquerading to a local pod uses).
export { nthIP, parseCIDR } from "../model/ip";
