// A hop's reason in words. hopCaption: one sentence about what happened where the packet arrives (the
// rule kube-proxy matched, the chains, what was rewritten and why). hopMark: the few words the graph
// flashes where a packet ends. Pure: the engine's codes in, `t`'s words out; addresses come from the
// hop's own header (and the next hop's, which shows what a rewrite made of it).
import { HOP, type HopWhy, type MasqReason } from "../protocol/simulation";
import type { T } from "../i18n/core";
import type { MessageKey } from "../i18n/en";
import { hostOf, portOf } from "../protocol/hostPort";
import { parsePlaceId } from "../protocol/placeId";

/** A packet's addresses ("IP:PORT", "[IPv6]:PORT", or an IP alone for ICMP). */
interface Header {
  src: string;
  dst: string;
}

/** What a caption reads of a hop: a HopEvent, a log row or a packet-card record all fit. */
export interface CaptionHop extends Header {
  /** Place ids (node:NAME, pod:NS/NAME, client:NAME, lb:NS/NAME, ip:ADDR): the packet goes from -> to. */
  from: string;
  to: string;
  /** kube-proxy chains that acted at `to`. */
  rules: readonly string[];
  why: HopWhy;
  flags?: number;
}

/**
 * One sentence about the hop's arrival at `to`. `after` is the packet as it leaves `to` (the next hop's
 * header) when known: it names the endpoint a DNAT chose, the address an SNAT put in, what an un-NAT
 * restored.
 */
export function hopCaption(t: T, hop: CaptionHop, after?: Header | null): string {
  const why = hop.why;
  const place = placeWords(t, hop.to);
  const node = parsePlaceId(hop.to)?.name ?? hop.to;
  const dst = hop.dst;
  const dstIP = hostOf(hop.dst);
  const srcIP = hostOf(hop.src);
  const port = portOf(hop.dst);
  const service = serviceName(why.service) ?? dst;
  const chains = chainPath(hop.rules);
  switch (why.code) {
    case "send-client":
      return t("hop.caption.sendClient", { place, dst });
    case "send-pod":
      return t("hop.caption.sendPod", { place, dst });
    case "send-node":
      return t("hop.caption.sendNode", { place, dst });
    case "lb-forward":
      return (
        (why.endpoints === undefined || why.endpoints === 1
          ? t("hop.caption.lbForwardOnly", { service, dst })
          : t("hop.caption.lbForward", { service, dst, count: why.endpoints })) +
        (why.local ? t("hop.caption.lbLocal") : "")
      );
    case "lb-node-port":
    case "lb-proxy": {
      const count = why.endpoints ?? 1;
      const pick = count === 1 ? t("hop.lbPick.only") : t("hop.lbPick.random", { count });
      const target = after?.dst ?? t("hop.word.nodePort");
      return (
        (why.code === "lb-proxy"
          ? t("hop.caption.lbProxy", { service, pick, target, lbIP: dstIP })
          : t("hop.caption.lbNodePort", { service, pick, target })) +
        (why.local ? t("hop.caption.lbLocal") : "")
      );
    }
    case "lb-no-backend":
      return t("hop.caption.lbNoBackend", { service });
    case "lb-no-listener":
      return t("hop.caption.lbNoListener", { service, dst });
    case "lb-no-node-port":
      return t("hop.caption.lbNoNodePort", { service });
    case "dnat-cluster-ip":
    case "dnat-node-port":
    case "dnat-lb-ip":
    case "dnat-external-ip":
      return dnatCaption(t, hop, after, { node, service, chains });
    case "reject-no-endpoints":
      return t("hop.caption.reject", { node, service, dst, chains });
    case "reject-cluster-ip-port":
      return t("hop.caption.rejectClusterIPPort", { node, service, dst, chains });
    case "drop-unallocated-cluster-ip":
      return t("hop.caption.dropUnallocated", { node, dst, chains });
    case "drop-etp-local":
    case "drop-itp-local":
      return t("hop.caption.dropLocal", {
        node,
        service,
        dst,
        chains,
        policy: why.code === "drop-etp-local" ? "externalTrafficPolicy" : "internalTrafficPolicy",
      });
    case "drop-firewall":
      return t("hop.caption.dropFirewall", { node, service, srcIP, chains });
    case "accept-health-check":
      return t("hop.caption.healthCheck", { node, service, port, chains });
    case "route-no-rule":
      return why.service
        ? t("hop.caption.routeService", { node, service, dst })
        : t("hop.caption.route", { node, dst });
    case "forward-node":
      return t("hop.caption.forwardNode", { from: parsePlaceId(hop.from)?.name ?? hop.from, node, dstIP });
    case "deliver-pod":
      return t("hop.caption.deliverPod", { place, srcIP });
    case "refuse-pod":
      return t("hop.caption.refusePod", { place, port });
    case "deliver-host":
      return t("hop.caption.deliverHost", { place, port });
    case "refuse-host":
      return t("hop.caption.refuseHost", { place, port });
    case "leave-cluster":
      return t("hop.caption.leave", { place, dst });
    case "leave-cluster-snat":
      return t("hop.caption.leaveSnat", {
        place,
        dst,
        snat: after ? hostOf(after.src) : t("hop.word.nodeAddress"),
      });
    case "deliver-outside":
      return t("hop.caption.deliverOutside", { place });
    case "lost-node-down":
      return t("hop.caption.lostNodeDown", { place });
    case "lost-cluster-ip":
      return t("hop.caption.lostClusterIP", { dstIP, service });
    case "lost-pod-network":
      return t("hop.caption.lostPodNetwork", { dstIP, place });
    case "reply-answer":
      return t("hop.caption.replyAnswer", { place, dst });
    case "reply-reject":
      return t("hop.caption.replyReject", { place, dst });
    case "reply-forward":
      return t("hop.caption.replyForward", { place, dst });
    case "reply-unnat":
      return unnatCaption(t, hop, after, place);
    case "reply-receive":
      return t("hop.caption.replyReceive", { place, src: hop.src });
    case "timeout":
      return t("hop.caption.timeout", { place });
    case "vanish":
      return t("hop.caption.vanish", { place });
  }
}

function dnatCaption(
  t: T,
  hop: CaptionHop,
  after: Header | null | undefined,
  words: { node: string; service: string; chains: string },
): string {
  const why = hop.why;
  const { node } = words;
  const count = why.endpoints ?? 1;
  const policy = why.code === "dnat-cluster-ip" ? "internalTrafficPolicy" : "externalTrafficPolicy";
  const choice = why.local
    ? count === 1
      ? t("hop.choice.onlyLocal", { node, policy })
      : t("hop.choice.randomLocal", { node, policy, count })
    : count === 1
      ? t("hop.choice.only")
      : t("hop.choice.random", { count });
  const snat = after && after.src !== hop.src ? hostOf(after.src) : null;
  const source = why.masq
    ? t("hop.snat", {
        snat: snat ?? t("hop.word.nodeAddress"),
        reason: t(MASQ_WORDS[why.masq], { src: hostOf(hop.src) }),
        node,
      })
    : t("hop.keepSource", { src: hostOf(hop.src) });
  return t("hop.caption.dnat", {
    ...words,
    entry: entryWords(t, hop),
    choice,
    endpoint: after ? after.dst : t("hop.word.endpoint"),
    affinity: why.affinity ? t("hop.affinity") : "",
    source,
  });
}

function unnatCaption(t: T, hop: CaptionHop, after: Header | null | undefined, place: string): string {
  if (!after) return t("hop.caption.unnat", { place });
  const src = after.src !== hop.src;
  const dst = after.dst !== hop.dst;
  const params = { place, newSrc: after.src, newDst: after.dst };
  if (src && dst) return t("hop.caption.unnatBoth", params);
  if (src) return t("hop.caption.unnatSrc", params);
  if (dst) return t("hop.caption.unnatDst", params);
  return t("hop.caption.unnat", params);
}

const MASQ_WORDS: Record<MasqReason, MessageKey> = {
  external: "hop.masq.external",
  node: "hop.masq.node",
  "outside-cidr": "hop.masq.outsideCidr",
  "masquerade-all": "hop.masq.masqueradeAll",
  hairpin: "hop.masq.hairpin",
};

/** The address the Service rule matched: "NodePort 30080", "ClusterIP 10.96.0.12:80", ... */
function entryWords(t: T, hop: CaptionHop): string {
  switch (hop.why.code) {
    case "dnat-node-port":
      return t("hop.entry.nodePort", { port: portOf(hop.dst) });
    case "dnat-lb-ip":
      return t("hop.entry.lbIP", { address: hop.dst });
    case "dnat-external-ip":
      return t("hop.entry.externalIP", { address: hop.dst });
    default:
      return t("hop.entry.clusterIP", { address: hop.dst });
  }
}

/**
 * The short mark where a packet ends ("DROP: eTP Local, no local endpoint", "REJECT: no endpoints",
 * "LOST: node down", "RST"), from its flags and reason code; null when the hop does not end it.
 */
export function hopMark(t: T, flags: number, why: HopWhy): string | null {
  if (flags & HOP.drop) return withReason(t, "hop.mark.drop", "hop.mark.dropBare", DROP_REASONS[why.code]);
  if (flags & HOP.reject)
    return withReason(t, "hop.mark.reject", "hop.mark.rejectBare", REJECT_REASONS[why.code]);
  if (flags & HOP.lost) return withReason(t, "hop.mark.lost", "hop.mark.lostBare", LOST_REASONS[why.code]);
  if (flags & HOP.refuse) return t("hop.mark.refuse");
  return null;
}

function withReason(t: T, key: MessageKey, bare: MessageKey, reason: MessageKey | undefined): string {
  return reason ? t(key, { reason: t(reason) }) : t(bare);
}

const DROP_REASONS: Partial<Record<HopWhy["code"], MessageKey>> = {
  "drop-etp-local": "hop.markReason.etpLocal",
  "drop-itp-local": "hop.markReason.itpLocal",
  "drop-firewall": "hop.markReason.firewall",
  "drop-unallocated-cluster-ip": "hop.markReason.unallocated",
  "lb-no-backend": "hop.markReason.noBackend",
  "lb-no-listener": "hop.markReason.noListener",
  "lb-no-node-port": "hop.markReason.noNodePort",
};
const REJECT_REASONS: Partial<Record<HopWhy["code"], MessageKey>> = {
  "reject-no-endpoints": "hop.markReason.noEndpoints",
  "reject-cluster-ip-port": "hop.markReason.clusterIPPort",
};
const LOST_REASONS: Partial<Record<HopWhy["code"], MessageKey>> = {
  "lost-node-down": "hop.markReason.nodeDown",
  vanish: "hop.markReason.gone",
  "lost-cluster-ip": "hop.markReason.clusterIP",
  "lost-pod-network": "hop.markReason.podNetwork",
};

/** A place as a sentence names it: "Pod default/web-1", "node-1", "laptop". */
function placeWords(t: T, id: string): string {
  const place = parsePlaceId(id);
  const name = place?.name ?? id;
  switch (place?.kind) {
    case "pod":
      return t("hop.place.pod", { name });
    case "node":
      return t("hop.place.node", { name });
    case "client":
      return t("hop.place.client", { name });
    case "lb":
      return t("hop.place.lb", { name });
    default:
      return t("hop.place.ip", { name });
  }
}

/** "default/web:http" -> "default/web": the sentence names the Service; its port shows in the address. */
function serviceName(servicePort: string | undefined): string | undefined {
  return servicePort?.split(":")[0];
}

const HASHED_CHAIN = /^(KUBE-(?:SVC|SVL|EXT|FW|SEP))-([A-Z2-7]{16})$/;
/** nftables mode's per-service-port chains: "service-HASH1234-ns/name/tcp/port[__ip/port]". */
const NFT_HASHED_CHAIN = /^(service|local|external|firewall|endpoint)-([A-Z2-7]{8})-\S*\/\S*$/;
/** Where every walk starts: iptables mode's nat KUBE-SERVICES, nftables mode's nat hook and services. */
const WALK_STARTS = new Set(["KUBE-SERVICES", "nat-prerouting", "nat-output", "services"]);

/**
 * The chains a rule walk took, readable in a sentence: hashes cut to 4 characters (the log has the full
 * names), repeats merged, and the chains every walk starts with left out when others follow.
 */
export function chainPath(rules: readonly string[]): string {
  const out: string[] = [];
  for (const r of rules) {
    const m = HASHED_CHAIN.exec(r) ?? NFT_HASHED_CHAIN.exec(r);
    const short = m ? `${m[1]}-${m[2]!.slice(0, 4)}…` : r;
    if (out[out.length - 1] !== short) out.push(short);
  }
  const start = out.findIndex((c) => !WALK_STARTS.has(c));
  if (start > 0) out.splice(0, start);
  return out.length ? out.join(" → ") : (rules[0] ?? "KUBE-SERVICES");
}
