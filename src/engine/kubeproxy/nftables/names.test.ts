// Ported from pkg/proxy/nftables/proxier_test.go: Test_servicePortChainNameBase and
// Test_servicePortEndpointChainNameBase, and names TestOverallNFTablesRules expects.
import { describe, expect, it } from "vitest";
import { servicePortChainNameBase, servicePortEndpointChainNameBase } from "./names";

const LONG_NS = "very-long-namespace-name-abcdefghijklmnopqrstuvwxyz0123456789xx";
const LONG_SVC = "very-long-service-name-why-would-you-even-do-this-i-mean-really";
const LONG_PORT = "port-443-providing-the-hypertext-transmission-protocol-with-tls";

describe("Test_servicePortChainNameBase", () => {
  it.each([
    ["simple", "testing", "service", "tcp", "http", "P4ZYZVCF-testing/service/tcp/http"],
    [
      "different port, different hash",
      "testing",
      "service",
      "tcp",
      "https",
      "LZBRENCP-testing/service/tcp/https",
    ],
    ["max length", LONG_NS, LONG_SVC, "sctp", LONG_PORT, `KR6NACJP-${LONG_NS}/${LONG_SVC}/sctp/${LONG_PORT}`],
    ["TestOverallNFTablesRules svc1", "ns1", "svc1", "TCP", "p80", "ULMVA6XW-ns1/svc1/tcp/p80"],
  ])("%s", (_name, ns, svc, protocol, port, expected) => {
    expect(servicePortChainNameBase(ns, svc, protocol, port)).toBe(expected);
  });
});

describe("Test_servicePortEndpointChainNameBase", () => {
  const long = `${LONG_NS}/${LONG_SVC}/sctp/${LONG_PORT}`;
  it.each([
    [
      "simple",
      "testing",
      "service",
      "tcp",
      "http",
      "10.180.0.1",
      80,
      "JO2XBXZR-testing/service/tcp/http__10.180.0.1/80",
    ],
    [
      "different endpoint, different hash",
      "testing",
      "service",
      "tcp",
      "http",
      "10.180.0.2",
      80,
      "5S6H3H22-testing/service/tcp/http__10.180.0.2/80",
    ],
    [
      "ipv6",
      "testing",
      "service",
      "tcp",
      "http",
      "fd80:abcd:12::a1b2:c3d4:e5f6:9999",
      80,
      "U7E2ET36-testing/service/tcp/http__fd80.abcd.12..a1b2.c3d4.e5f6.9999/80",
    ],
    [
      "max length without truncation",
      LONG_NS,
      LONG_SVC,
      "sctp",
      LONG_PORT,
      "1234:5678:9abc:def0::abc:1234",
      443,
      `5YS7AFEA-${long}__1234.5678.9abc.def0..abc.1234/443`,
    ],
    [
      "truncated, 1",
      LONG_NS,
      LONG_SVC,
      "sctp",
      LONG_PORT,
      "1234:5678:9abc:def0::abcd:1234:5678",
      443,
      `CI6C53Q3-${long}__1234.5678.9abc.def0..abcd.1234...`,
    ],
    [
      "truncated, 2 (different IP, which is not visible in the result)",
      LONG_NS,
      LONG_SVC,
      "sctp",
      LONG_PORT,
      "1234:5678:9abc:def0::abcd:1234:8765",
      443,
      `2FLXFK6X-${long}__1234.5678.9abc.def0..abcd.1234...`,
    ],
    [
      "TestOverallNFTablesRules svc1",
      "ns1",
      "svc1",
      "TCP",
      "p80",
      "10.180.0.1",
      80,
      "5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80",
    ],
  ])("%s", (_name, ns, svc, protocol, port, ip, epPort, expected) => {
    expect(servicePortEndpointChainNameBase(ns, svc, protocol, port, ip, epPort)).toBe(expected);
  });
});
