// The rule reader: matches are read back from the iptables arguments, negations included.
import { describe, expect, it } from "vitest";
import { parseRule, ruleMatches } from "./ruleMatch";

const local = new Set(["192.168.0.2", "127.0.0.1", "::1"]);
const pkt = (src: string, dst: string, dport = 80, protocol = "tcp") => ({ src, dst, dport, protocol });

describe("parseRule / ruleMatches", () => {
  it("negates only the match after '!'", () => {
    const r = parseRule([
      "-m",
      "tcp",
      "-p",
      "tcp",
      "-d",
      "172.30.0.41",
      "--dport",
      "80",
      "!",
      "-s",
      "10.0.0.0/8",
      "-j",
      "X",
    ]);
    expect(ruleMatches(r, pkt("10.1.2.3", "172.30.0.41"), local)).toBe(false);
    expect(ruleMatches(r, pkt("192.168.0.2", "172.30.0.41"), local)).toBe(true);
  });
  it("matches --dst-type LOCAL against the node's addresses and loopback", () => {
    const r = parseRule(["-m", "addrtype", "--dst-type", "LOCAL", "!", "-d", "127.0.0.0/8", "-j", "X"]);
    expect(ruleMatches(r, pkt("1.1.1.1", "192.168.0.2"), local)).toBe(true);
    expect(ruleMatches(r, pkt("1.1.1.1", "127.0.0.1"), local)).toBe(false);
    expect(ruleMatches(r, pkt("1.1.1.1", "8.8.8.8"), local)).toBe(false);
  });
  it("never matches a NEW packet on state (recent --rcheck, mark, conntrack)", () => {
    const r = parseRule([
      "-m",
      "recent",
      "--name",
      "KUBE-SEP-X",
      "--rcheck",
      "--seconds",
      "10800",
      "--reap",
      "-j",
      "KUBE-SEP-X",
    ]);
    expect(r.affinitySeconds).toBe(10800);
    expect(ruleMatches(r, pkt("10.0.0.2", "172.30.0.41"), local)).toBe(false);
  });
  it("reads kube-proxy's 1/n probabilities back exactly", () => {
    const r = parseRule(["-m", "statistic", "--mode", "random", "--probability", "0.3333333333", "-j", "X"]);
    expect(r.probability).toEqual({ num: 1, den: 3 });
  });
  it("compares IPv6 addresses by value, not by text", () => {
    const r = parseRule(["-d", "fd00::0:1", "-j", "X"]);
    expect(ruleMatches(r, pkt("fd00::2", "fd00::1"), local)).toBe(true);
  });
});
