// What happened to a packet at one hop, from the engine's reason codes (src/scene/captions.ts).
// A caption is one sentence about the place the packet arrives; a mark is the few words the graph
// flashes where a packet ends.
export const hop = {
  // Places, as a sentence names them.
  "hop.place.pod": "Pod {name}",
  "hop.place.node": "{name}",
  "hop.place.client": "{name}",
  "hop.place.lb": "the load balancer of {name}",
  "hop.place.ip": "{name}",

  // The address kube-proxy's Service rule matched.
  "hop.entry.clusterIP": "ClusterIP {address}",
  "hop.entry.nodePort": "NodePort {port}",
  "hop.entry.lbIP": "load-balancer IP {address}",
  "hop.entry.externalIP": "external IP {address}",

  // How kube-proxy chose the endpoint.
  "hop.choice.only": "used its only endpoint",
  "hop.choice.random": "picked 1 of {count} endpoints at random",
  "hop.choice.onlyLocal":
    "used its only endpoint on {node} ({policy} is Local, so only endpoints on this node count)",
  "hop.choice.randomLocal":
    "picked 1 of {count} endpoints on {node} at random ({policy} is Local, so only endpoints on this node count)",
  "hop.affinity": " (ClientIP session affinity keeps this client on that endpoint)",

  // What became of the source address.
  "hop.snat": "; it also SNATs the source to {snat} because {reason}, so the reply comes back through {node}",
  "hop.keepSource": "; the source {src} is kept, so the endpoint sees the sender's own address",
  "hop.masq.external": "externalTrafficPolicy is Cluster",
  "hop.masq.node": "the packet comes from the node itself",
  "hop.masq.outsideCidr": "the source {src} is outside the pod CIDR",
  "hop.masq.masqueradeAll": "kube-proxy runs with masqueradeAll",
  "hop.masq.hairpin": "the pod reached itself through its Service (hairpin)",
  "hop.word.endpoint": "an endpoint",
  "hop.word.nodeAddress": "the node's address",
  "hop.word.nodePort": "nodeIP:nodePort",

  // One sentence per reason code.
  "hop.caption.sendClient": "{place} sends a packet to {dst} from outside the cluster.",
  "hop.caption.sendPod": "{place} sends a packet to {dst} from its own network namespace.",
  "hop.caption.sendNode":
    "A process on {place} sends a packet to {dst}; kube-proxy's OUTPUT rules apply to it.",
  "hop.caption.lbForwardOnly":
    "The load balancer of Service {service} sends the packet to its only healthy node, unchanged: still addressed to {dst}.",
  "hop.caption.lbForward":
    "The load balancer of Service {service} picks 1 of {count} healthy nodes at random and sends the packet there unchanged: still addressed to {dst}.",
  "hop.caption.lbLocal":
    " With externalTrafficPolicy Local, only nodes with a ready local endpoint pass its health check.",
  "hop.lbPick.only": "chooses its only healthy node",
  "hop.lbPick.random": "picks 1 of {count} healthy nodes at random",
  "hop.caption.lbNodePort":
    "The load balancer of Service {service} {pick} and rewrites the destination to that node's NodePort: {target}. The client's address stays the source.",
  "hop.caption.lbProxy":
    "The load balancer of Service {service} ends the client's connection, {pick} and opens a connection of its own to that node's NodePort {target}, from its own address {lbIP}: the pod will not see the client's address.",
  "hop.caption.lbNoListener":
    "The load balancer of Service {service} has no listener for {dst}, so the packet goes nowhere and the client times out.",
  "hop.caption.lbNoNodePort":
    "The load balancer of Service {service} forwards to NodePorts, but the Service has none (allocateLoadBalancerNodePorts: false), so the client times out.",
  "hop.caption.lbNoBackend":
    "The load balancer of Service {service} has no healthy node to send the packet to, so it goes nowhere and the client times out.",
  "hop.caption.dnat":
    "{node}'s kube-proxy matched {entry} of Service {service} ({chains}) and {choice}: DNAT to {endpoint}{affinity}{source}.",
  "hop.caption.reject":
    "{node}'s kube-proxy found that Service {service} has no endpoints for {dst} ({chains}): REJECT, so the client is told at once that the connection is refused.",
  "hop.caption.dropLocal":
    "{node}'s kube-proxy matched {dst} of Service {service} ({chains}), but {policy} is Local and no endpoint runs on {node}: DROP, so the client hears nothing and times out.",
  "hop.caption.rejectClusterIPPort":
    "{dst} is the ClusterIP of Service {service}, but no Service has this port there: {node}'s kube-proxy (nftables mode, {chains}) REJECTs, so the client is told at once that the connection is refused.",
  "hop.caption.dropUnallocated":
    "{dst} is in the service CIDR, but no Service has it: {node}'s kube-proxy (nftables mode, {chains}) DROPs the packet, so the client times out.",
  "hop.caption.dropFirewall":
    "{node}'s kube-proxy dropped the packet ({chains}): the source {srcIP} is not in the loadBalancerSourceRanges of Service {service}, so the client times out.",
  "hop.caption.healthCheck":
    "Port {port} on {node} is the healthCheckNodePort of Service {service}: kube-proxy's health check server answers ({chains}).",
  "hop.caption.route":
    "No kube-proxy rule on {node} matches {dst}, so the node routes the packet on unchanged.",
  "hop.caption.routeService":
    "{dst} belongs to Service {service}, but no kube-proxy rule on {node} matches this port and protocol, so the node routes the packet on unchanged.",
  "hop.caption.forwardNode":
    "The packet crosses the node network from {from} to {node}, which hosts the pod at {dstIP}: an extra hop.",
  "hop.caption.deliverPod": "{place} receives the packet; the source it sees is {srcIP}.",
  "hop.caption.refusePod":
    "No container of {place} listens on port {port}, so its kernel refuses the connection.",
  "hop.caption.deliverHost": "A process on {place} listening on port {port} receives the packet.",
  "hop.caption.refuseHost":
    "Nothing on {place} listens on port {port}, so the node's kernel refuses the connection.",
  "hop.caption.leave": "{place} routes the packet out of the cluster, toward {dst}.",
  "hop.caption.leaveSnat":
    "{place} routes the packet out of the cluster, toward {dst}; on the way the CNI masquerades the pod's address to {snat}.",
  "hop.caption.deliverOutside":
    "{place}, outside the cluster, receives the packet (Kube Hops assumes something there answers).",
  "hop.caption.lostNodeDown":
    "{place} is down: the packet vanishes there, and the client waits until it times out.",
  "hop.caption.lostClusterIP":
    "{dstIP} is the ClusterIP of Service {service}, a virtual address that exists only in kube-proxy's rules for its ports: nothing answers this packet, so it is lost (a ping gets no reply).",
  "hop.caption.lostPodNetwork":
    "No pod has the address {dstIP}: {place} routes the packet into the pod network, where it is lost.",
  "hop.caption.replyAnswer": "{place} answers: the reply goes back to {dst}.",
  "hop.caption.replyReject":
    "{place} refuses: a TCP reset (for UDP, an ICMP port-unreachable error) goes back to {dst}.",
  "hop.caption.replyForward": "The reply passes {place} on its way back to {dst}.",
  "hop.caption.unnatBoth":
    "On {place}, conntrack reverses this connection's NAT: the source goes back to {newSrc} and the destination to {newDst}.",
  "hop.caption.unnatSrc":
    "On {place}, conntrack reverses this connection's NAT: the source goes back to {newSrc}.",
  "hop.caption.unnatDst":
    "On {place}, conntrack reverses this connection's NAT: the destination goes back to {newDst}.",
  "hop.caption.unnat":
    "On {place}, conntrack reverses this connection's NAT, so the reply carries the addresses the client expects.",
  "hop.caption.replyReceive": "{place} receives the reply from {src}.",
  "hop.caption.timeout": "No answer came in time, so {place} gives up: a timeout.",
  "hop.caption.vanish": "{place} is down or gone: the packet vanishes there, and the client will time out.",

  // The graph's marks where a packet ends.
  "hop.mark.drop": "DROP: {reason}",
  "hop.mark.reject": "REJECT: {reason}",
  "hop.mark.lost": "LOST: {reason}",
  "hop.mark.dropBare": "DROP",
  "hop.mark.rejectBare": "REJECT",
  "hop.mark.lostBare": "LOST",
  "hop.mark.refuse": "RST",
  "hop.markReason.etpLocal": "eTP Local, no local endpoint",
  "hop.markReason.itpLocal": "iTP Local, no local endpoint",
  "hop.markReason.firewall": "not in loadBalancerSourceRanges",
  "hop.markReason.noBackend": "no healthy node",
  "hop.markReason.noListener": "no listener on the load balancer",
  "hop.markReason.noNodePort": "no NodePort to forward to",
  "hop.markReason.noEndpoints": "no endpoints",
  "hop.markReason.clusterIPPort": "no such port on the ClusterIP",
  "hop.markReason.unallocated": "unallocated ClusterIP",
  "hop.markReason.nodeDown": "node down",
  "hop.markReason.gone": "down or gone",
  "hop.markReason.clusterIP": "ClusterIP is virtual",
  "hop.markReason.podNetwork": "no such pod",
};
