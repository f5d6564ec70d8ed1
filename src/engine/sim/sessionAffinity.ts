// ClientIP session affinity as kube-proxy's iptables rules keep it: each endpoint chain on each node has
// a "recent" list of client IPs and when each was last seen. A new connection goes to the first endpoint
// whose list saw its client within the timeout, else to a random one; the chosen endpoint's list then
// notes the client. The lists are found once per decision, so a connection builds no key string.
import type { Node } from "../../model/k8s";
import { type Candidate, chooseEndpoint, type Decision } from "../proxy";
import { isPolicyChain } from "../kubeproxy/chainKinds";
import type { Rng } from "../rng";
import { type Tick, TICKS_PER_SECOND } from "./types";

/** Client IP to the tick it was last seen. */
type RecentList = Map<string, Tick>;

export class SessionAffinity {
  /** By node, Service chain and endpoint: decisions for other packets to the same Service share them. */
  private lists = new Map<string, RecentList>();
  /** A decision's lists, one per candidate (a decision is fixed until its node's rules sync again). */
  private byDecision = new WeakMap<Decision, RecentList[]>();

  /** The endpoint for a connection from `src` decided by `d` (which has session affinity) on `node`. */
  choose(node: Node, d: Decision, src: string, rng: Rng, now: Tick): Candidate | undefined {
    const lists = this.listsFor(node, d);
    const window = d.sessionAffinity!.timeoutSeconds * TICKS_PER_SECOND;
    let c: Candidate | undefined;
    for (let i = 0; i < lists.length && !c; i++) {
      const seen = lists[i]!.get(src);
      if (seen !== undefined && now - seen <= window) c = d.candidates[i];
    }
    c ??= chooseEndpoint(d, rng) ?? undefined;
    if (c) lists[d.candidates.indexOf(c)]!.set(src, now);
    return c;
  }

  private listsFor(node: Node, d: Decision): RecentList[] {
    let lists = this.byDecision.get(d);
    if (!lists) {
      const svcChain = d.rules.find(isPolicyChain) ?? "";
      lists = d.candidates.map((c) => {
        const key = `${node.metadata.name}|${svcChain}|${c.ip}:${c.port}`;
        let list = this.lists.get(key);
        if (!list) this.lists.set(key, (list = new Map()));
        return list;
      });
      this.byDecision.set(d, lists);
    }
    return lists;
  }
}
