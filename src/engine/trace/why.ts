// Why a hop happened, as data: the view puts it into words (src/scene/captions.ts), the hop-event batches
// pack it as numbers. A leaf module, so that kube-proxy's explain() can use it too.

/** Every reason a hop can have; the index of a code is its packed number (append, never reorder). */
export const HOP_CODES = [
  // The first packet leaves its source.
  "send-client",
  "send-pod",
  "send-node",
  // A cloud load balancer in VIP mode (the others at the end).
  "lb-forward",
  "lb-no-backend",
  // kube-proxy on a node: a Service rule DNATs the packet, entered by the kind of address it hit.
  "dnat-cluster-ip",
  "dnat-node-port",
  "dnat-lb-ip",
  "dnat-external-ip",
  // kube-proxy's filter verdicts.
  "reject-no-endpoints",
  "drop-etp-local",
  "drop-itp-local",
  "drop-firewall",
  "accept-health-check",
  // No Service rule matched: the node routes the packet.
  "route-no-rule",
  // The node network carries the packet to the node that hosts its destination (the extra hop).
  "forward-node",
  // The packet's receiver.
  "deliver-pod",
  "refuse-pod",
  "deliver-host",
  "refuse-host",
  "leave-cluster",
  "leave-cluster-snat",
  "deliver-outside",
  // The packet is lost on the way.
  "lost-node-down",
  "lost-cluster-ip",
  "lost-pod-network",
  // The reply retraces the request's path.
  "reply-answer",
  "reply-reject",
  "reply-forward",
  "reply-unnat",
  "reply-receive",
  // The simulation's markers: the client gives up; the packet reached a place that is down or gone.
  "timeout",
  "vanish",
  // A cloud load balancer that delivers to NodePorts (rewriting the destination), or as a proxy (its own
  // connection, from its own address); one without a listener for the port, or without a NodePort.
  "lb-node-port",
  "lb-proxy",
  "lb-no-listener",
  "lb-no-node-port",
  // kube-proxy in nftables mode (cluster-ips-check): a ClusterIP's port no Service has is rejected, an
  // address of the service CIDR no Service has is dropped.
  "reject-cluster-ip-port",
  "drop-unallocated-cluster-ip",
] as const;

export type HopCode = (typeof HOP_CODES)[number];

/** Why kube-proxy masqueraded (SNATed) the source; the index is its packed number. */
export const MASQ_REASONS = [
  /** externalTrafficPolicy Cluster: external traffic is masqueraded. */
  "external",
  /** The packet comes from the node itself (with externalTrafficPolicy Local, short-circuited). */
  "node",
  /** To a ClusterIP from a source outside the cluster CIDR. */
  "outside-cidr",
  /** kube-proxy's masqueradeAll. */
  "masquerade-all",
  /** A pod reached itself through its Service. */
  "hairpin",
] as const;

export type MasqReason = (typeof MASQ_REASONS)[number];

export interface HopWhy {
  code: HopCode;
  /** The Service port ("ns/name:portName", or "ns/name" for an unnamed port), or the Service ("ns/name"). */
  service?: string;
  /** How many endpoints the random choice was over (for lb-forward: how many healthy nodes). */
  endpoints?: number;
  /** Why the source was masqueraded, when it was. */
  masq?: MasqReason;
  /** Only local endpoints (or, for lb-forward, nodes with one) could be used: a traffic policy of Local. */
  local?: boolean;
  /** ClientIP session affinity pins the client to the endpoint. */
  affinity?: boolean;
}
