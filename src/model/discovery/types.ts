// What discovery answers: environment variables (kubelet) and DNS (a pod's resolver talking to CoreDNS).

export interface EnvVar {
  name: string;
  value: string;
}

export type QueryType = "A" | "AAAA" | "SRV";

/** Only the two outcomes a pod's resolver can see from the playground's DNS. */
export type Rcode = "NOERROR" | "NXDOMAIN";

export type DnsRecord =
  | { name: string; type: "A" | "AAAA" | "CNAME"; ttl: number; value: string }
  | {
      name: string;
      type: "SRV";
      ttl: number;
      priority: number;
      weight: number;
      port: number;
      target: string;
    };

/** One query answered by one server. NOERROR with an empty answer is NODATA: the name exists. */
export interface DnsResponse {
  rcode: Rcode;
  answer: DnsRecord[];
  /** Set when the playground cannot answer as a real cluster would (no upstream DNS). */
  note?: string;
}

/** The `resolve` command's answer (docs/cli.md). */
export interface ResolveAnswer {
  pod: string;
  name: string;
  nameserver: string;
  search: string[];
  ndots: number;
  /** Every FQDN queried, in order, with its trailing dot. */
  tried: string[];
  rcode: Rcode;
  answer: DnsRecord[];
  note?: string;
}

/** A pod's /etc/resolv.conf as kubelet writes it. */
export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  /** `name` or `name:value`, as on the resolv.conf `options` line. */
  options: string[];
  /** What glibc reads from `options ndots:N` (1 when absent, at most 15). */
  ndots: number;
}

/** The node's own resolv.conf (kubelet's --resolv-conf), the base of dnsPolicy Default. */
export interface HostResolvConf {
  nameservers: string[];
  searches: string[];
  options: string[];
}
