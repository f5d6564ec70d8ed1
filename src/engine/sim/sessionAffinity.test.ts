// ClientIP affinity's recent lists: a client returns to the endpoint that last served it within the
// timeout, per node and Service chain, whichever packet's decision asks.
import { describe, expect, it } from "vitest";
import type { Node } from "../../model/k8s";
import type { Candidate, Decision } from "../proxy";
import { SessionAffinity } from "./sessionAffinity";
import { TICKS_PER_SECOND } from "./types";

const node = (name: string) => ({ metadata: { name } }) as Node;
const candidate = (ip: string): Candidate => ({ ip, port: 8080, pod: null, node: null, probability: 1 / 3 });
const CANDIDATES = [candidate("10.244.1.2"), candidate("10.244.1.3"), candidate("10.244.2.2")];
const decision = (chain = "KUBE-SVC-WEB"): Decision => ({
  action: "dnat",
  candidates: CANDIDATES,
  masquerade: false,
  masqueradeByCandidate: [false, false, false],
  rules: ["KUBE-SERVICES", chain],
  reason: "",
  why: { code: "dnat-cluster-ip" },
  sessionAffinity: { timeoutSeconds: 10 },
});
/** An rng whose first draw picks the last endpoint (each rule i of n passes at 1/(n-i)). */
const last = () => 0.99;
const first = () => 0;

describe("SessionAffinity", () => {
  it("sends a client back to its endpoint within the timeout, and chooses afresh after it", () => {
    const a = new SessionAffinity();
    const d = decision();
    expect(a.choose(node("node-1"), d, "10.244.0.5", last, 0)?.ip).toBe("10.244.2.2");
    expect(a.choose(node("node-1"), d, "10.244.0.5", first, 10 * TICKS_PER_SECOND)?.ip).toBe("10.244.2.2");
    expect(a.choose(node("node-1"), d, "10.244.0.5", first, 20 * TICKS_PER_SECOND + 1)?.ip).toBe(
      "10.244.1.2",
    );
  });

  it("shares the lists between decisions of one Service chain on one node, not across nodes or chains", () => {
    const a = new SessionAffinity();
    a.choose(node("node-1"), decision(), "10.244.0.5", last, 0);
    expect(a.choose(node("node-1"), decision(), "10.244.0.5", first, 1)?.ip).toBe("10.244.2.2");
    expect(a.choose(node("node-2"), decision(), "10.244.0.5", first, 1)?.ip).toBe("10.244.1.2");
    expect(a.choose(node("node-1"), decision("KUBE-SVC-API"), "10.244.0.5", first, 1)?.ip).toBe("10.244.1.2");
  });

  it("keys nftables mode's lists by its service- policy chain", () => {
    const a = new SessionAffinity();
    const nft = (chain: string): Decision => ({
      ...decision(),
      rules: ["nat-prerouting", "services", chain, "endpoint-CCCCCCCC-default/web/tcp/http__10.244.1.2/8080"],
    });
    a.choose(node("node-1"), nft("service-AAAAAAAA-default/web/tcp/http"), "10.244.0.5", last, 0);
    expect(
      a.choose(node("node-1"), nft("service-AAAAAAAA-default/web/tcp/http"), "10.244.0.5", first, 1)?.ip,
    ).toBe("10.244.2.2");
    expect(
      a.choose(node("node-1"), nft("service-BBBBBBBB-default/api/tcp/http"), "10.244.0.5", first, 1)?.ip,
    ).toBe("10.244.1.2");
  });
});
