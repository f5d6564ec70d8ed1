// The chain index: a packet's candidate rules are the chain's rules it could match, in chain order.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadManifests } from "../../model/load";
import { parseRule, ruleMatches, type Packet } from "./ruleMatch";
import { candidateRules } from "./ruleIndex";
import { buildRuleSet } from "./rules";
import type { Rule } from "./ruleWriter";

const overall = () =>
  loadManifests([
    {
      file: "overall.yaml",
      text: readFileSync(new URL("../../../scenarios/kube-proxy/overall.yaml", import.meta.url), "utf8"),
    },
  ]).cluster;

/** Every destination and port the rules name, each also with a port and a protocol no rule has. */
function packetsFor(chains: Rule[][]): Packet[] {
  const targets = new Set<string>(["192.168.0.2 80", "10.9.9.9 80"]);
  for (const rules of chains)
    for (const rule of rules) {
      const r = parseRule(rule.args);
      const port = r.destinationPort?.value ?? "80";
      targets.add(`${r.destination?.value.replace(/\/.*/, "") ?? "192.168.0.2"} ${port}`);
    }
  return [...targets].flatMap((t) => {
    const [dst, port] = t.split(" ");
    return ["10.0.0.2", "192.168.0.2", "203.0.113.2"].flatMap((src) =>
      ["tcp", "udp", "sctp"].flatMap((protocol) =>
        [Number(port), 9].map((dport) => ({ src, dst: dst!, protocol, dport })),
      ),
    );
  });
}

describe("candidateRules", () => {
  it("keeps, in chain order, every rule of every chain that the packet matches", () => {
    const rs = buildRuleSet(overall(), "test-hostname", 4);
    const chains = [...rs.tables.nat.values(), ...rs.tables.filter.values()];
    const local = rs.config.localIPs;
    let matched = 0;
    for (const packet of packetsFor(chains))
      for (const rules of chains) {
        const candidates = candidateRules(rules, packet);
        const positions = candidates.map((r) => rules.indexOf(r));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        const matching = rules.filter((r) => ruleMatches(parseRule(r.args), packet, local));
        expect(candidates).toEqual(expect.arrayContaining(matching));
        matched += matching.length;
      }
    expect(matched).toBeGreaterThan(100);
  });

  it("leaves out the rules for other destinations and ports of a long chain", () => {
    const rs = buildRuleSet(overall(), "test-hostname", 4);
    const services = rs.tables.nat.get("KUBE-SERVICES")!;
    const candidates = candidateRules(services, {
      src: "10.0.0.2",
      dst: "172.30.0.41",
      protocol: "tcp",
      dport: 80,
    });
    expect(candidates.length).toBeLessThan(services.length / 2);
    expect(candidates.map((r) => r.args.join(" "))).toContainEqual(expect.stringContaining("-d 172.30.0.41"));
  });

  it("keeps a rule with --seconds for every packet: the walk reads affinity from rules it does not match", () => {
    const affinity: Rule = {
      chain: "KUBE-SVC-X",
      tag: "infra",
      args: [
        "-m",
        "recent",
        "--name",
        "X",
        "--rcheck",
        "--seconds",
        "600",
        "-p",
        "tcp",
        "--dport",
        "80",
        "-j",
        "Y",
      ],
    };
    const other: Rule = {
      chain: "KUBE-SVC-X",
      tag: "infra",
      args: ["-p", "tcp", "--dport", "81", "-j", "Z"],
    };
    expect(
      candidateRules([other, affinity], { src: "10.0.0.2", dst: "10.0.0.3", protocol: "udp", dport: 53 }),
    ).toEqual([affinity]);
  });

  it("indexes a chain again once rules were added to it", () => {
    const rules: Rule[] = [{ chain: "C", tag: "infra", args: ["-p", "tcp", "--dport", "80", "-j", "A"] }];
    const packet = { src: "10.0.0.2", dst: "10.0.0.3", protocol: "tcp", dport: 81 };
    expect(candidateRules(rules, packet)).toEqual([]);
    rules.push({ chain: "C", tag: "infra", args: ["-p", "tcp", "--dport", "81", "-j", "B"] });
    expect(candidateRules(rules, packet)).toEqual([rules[1]]);
  });
});
