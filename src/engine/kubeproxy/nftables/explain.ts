// explain() in nftables mode: the same Decision as iptables mode (explain.ts), from a walk through the
// node's kube-proxy table (walk.ts); Decision.rules names the nftables chains walked.
import type { Cluster } from "../../../model/cluster";
import type { Result } from "../../result";
import { type ChainKinds, decide } from "../decision";
import { checkedQuery, type Decision, explainerWith, type ExplainQuery } from "../explain";
import { EXTERNAL_PREFIX, LOCAL_PREFIX } from "./names";
import { buildNftRuleSet, type NftRuleSet } from "./ruleSet";
import { walkNftables } from "./walk";

/** Per-service-port chains always hold a "/" (isServiceChainName); the fixed chains never do. */
const NFT_CHAINS: ChainKinds = {
  localPolicy: (c) => c.startsWith(LOCAL_PREFIX) && c.includes("/"),
  external: (c) => c.startsWith(EXTERNAL_PREFIX) && c.includes("/"),
};

/** explainWithRules() for a prebuilt nftables rule set. */
export function explainWithNftRules(rs: NftRuleSet, q: Omit<ExplainQuery, "node">): Decision {
  const { query, packet } = checkedQuery(q);
  return decide(rs, walkNftables(rs, packet), query, NFT_CHAINS);
}

/** explainer() in nftables mode. */
export const nftExplainer = (cluster: Cluster): ((q: ExplainQuery) => Result<Decision>) =>
  explainerWith(cluster, buildNftRuleSet, explainWithNftRules);
