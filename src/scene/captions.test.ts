import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HOP } from "../protocol/simulation";
// eslint-disable-next-line no-restricted-imports -- captions are checked on real traces, for every hop code
import { trace } from "../engine/trace/trace";
// eslint-disable-next-line no-restricted-imports -- captions are checked on real traces, for every hop code
import { HOP_CODES, type Hop, type Trace } from "../engine/trace/types";
import { makeT } from "../i18n/core";
import { en } from "../i18n/en";
import { ko } from "../i18n/ko/index";
// eslint-disable-next-line no-restricted-imports -- captions are checked on real traces, for every hop code
import { load } from "../model/testing";
import { type CaptionHop, chainPath, hopCaption, hopMark } from "./captions";

const tEn = makeT("en", en, en);
const tKo = makeT("ko", ko, en);
const DEFAULT = readFileSync(new URL("../../scenarios/default.yaml", import.meta.url), "utf8");

/** A trace's hop i as a caption reads it: it arrives at `at` from the hop before; `to` is its rewrite. */
function traced(t: Trace, i: number): [CaptionHop, Hop["to"]] {
  const h = t.hops[i]!;
  return [
    { from: t.hops[i - 1]?.at ?? h.at, to: h.at, src: h.src, dst: h.dst, rules: h.rules, why: h.why },
    h.to,
  ];
}

describe("hop captions", () => {
  const traced1 = trace(load(DEFAULT).cluster, { from: "client:laptop", to: "192.168.1.2:30080", seed: 1 });
  if (!traced1.ok) throw new Error(traced1.error.message);
  const nodePort = traced1.value;
  const [dnat, after] = traced(nodePort, 1);

  it("says which NodePort of which Service matched, the endpoint count, the DNAT and why the SNAT", () => {
    expect(hopCaption(tEn, dnat, after)).toBe(
      "node-1's kube-proxy matched NodePort 30080 of Service default/web" +
        " (KUBE-NODEPORTS → KUBE-EXT-CDGG… → KUBE-SVC-CDGG… → KUBE-SEP-UIQK…)" +
        " and picked 1 of 3 endpoints at random: DNAT to 10.244.1.2:8080; it also SNATs the source to" +
        " 192.168.1.2 because externalTrafficPolicy is Cluster, so the reply comes back through node-1.",
    );
  });

  it("says the same in Korean, keeping the Kubernetes terms", () => {
    expect(hopCaption(tKo, dnat, after)).toBe(
      "node-1의 kube-proxy가 Service default/web의 NodePort 30080에 해당하는 규칙" +
        "(KUBE-NODEPORTS → KUBE-EXT-CDGG… → KUBE-SVC-CDGG… → KUBE-SEP-UIQK…)을 찾고," +
        " 엔드포인트 3개 중 하나를 무작위로 골라 10.244.1.2:8080 주소로 DNAT했습니다." +
        " 또한 externalTrafficPolicy가 Cluster라서 출발지를 192.168.1.2 주소로 SNAT했습니다." +
        " 그래서 응답은 node-1 노드를 거쳐 돌아옵니다.",
    );
  });

  it("names local-only endpoints and a kept source under externalTrafficPolicy Local", () => {
    const hop: CaptionHop = {
      ...dnat,
      to: "node:node-2",
      dst: "192.168.1.3:30080",
      why: { code: "dnat-node-port", service: "default/web:http", endpoints: 2, local: true },
    };
    const next = { src: dnat.src, dst: "10.244.1.2:8080" };
    expect(hopCaption(tEn, hop, next)).toContain(
      "picked 1 of 2 endpoints on node-2 at random (externalTrafficPolicy is Local, so only endpoints on this node count)",
    );
    expect(hopCaption(tEn, hop, next)).toContain("the source 192.168.1.10 is kept");
    expect(hopCaption(tKo, hop, next)).toContain(
      "externalTrafficPolicy가 Local이라 node-2에 있는 엔드포인트만",
    );
  });

  it("words every masquerade reason in both languages", () => {
    const reasons = {
      external: ["externalTrafficPolicy is Cluster", "externalTrafficPolicy가 Cluster라서"],
      node: ["the packet comes from the node itself", "노드 자신이 보낸 패킷이라서"],
      "outside-cidr": [
        "the source 192.168.1.10 is outside the pod CIDR",
        "출발지 192.168.1.10 주소가 Pod CIDR 밖에",
      ],
      "masquerade-all": ["masqueradeAll", "masqueradeAll이 켜져"],
      hairpin: ["(hairpin)", "(hairpin)"],
    } as const;
    for (const [masq, [english, korean]] of Object.entries(reasons)) {
      const hop = { ...dnat, why: { ...dnat.why, masq: masq as keyof typeof reasons } };
      expect(hopCaption(tEn, hop, after)).toContain(english);
      expect(hopCaption(tKo, hop, after)).toContain(korean);
    }
  });

  it("says what conntrack restores on the way back", () => {
    const i = nodePort.hops.findIndex((h) => h.why.code === "reply-unnat");
    const [unnat, restored] = traced(nodePort, i);
    expect(hopCaption(tEn, unnat, restored)).toBe(
      "On node-1, conntrack reverses this connection's NAT: the source goes back to 192.168.1.2:30080" +
        " and the destination to 192.168.1.10:50471.",
    );
  });

  it("has a full sentence for every code in both languages, with or without the next header", () => {
    for (const code of HOP_CODES)
      for (const t of [tEn, tKo])
        for (const next of [after, null]) {
          const text = hopCaption(
            t,
            { ...dnat, why: { code, service: "default/web:http", endpoints: 2 } },
            next,
          );
          expect(text, `${code}: ${text}`).not.toMatch(/\{\w+\}|undefined|\bhop\.[a-z]/);
          expect(text.length, code).toBeGreaterThan(20);
        }
  });

  it("shortens chain hashes and leaves out where every walk starts", () => {
    expect(chainPath(["KUBE-SERVICES", "KUBE-SVC-ABCDEFGHIJKLMNOP", "KUBE-SEP-QRSTUVWXYZ234567"])).toBe(
      "KUBE-SVC-ABCD… → KUBE-SEP-QRST…",
    );
    expect(chainPath(["KUBE-SERVICES", "KUBE-SERVICES"])).toBe("KUBE-SERVICES");
  });

  it("reads nftables mode's chains the same way: hashes cut, the nat hook and services left out", () => {
    expect(
      chainPath([
        "nat-prerouting",
        "services",
        "external-SUSTUHLJ-default/web/tcp/http",
        "service-SUSTUHLJ-default/web/tcp/http",
        "endpoint-SVLGPL42-default/web/tcp/http__10.244.1.2/8080",
      ]),
    ).toBe("external-SUST… → service-SUST… → endpoint-SVLG…");
    expect(chainPath(["nat-prerouting", "services", "filter-forward", "cluster-ips-check"])).toBe(
      "filter-forward → cluster-ips-check",
    );
    expect(chainPath(["nat-output", "services"])).toBe("nat-output → services");
  });
});

describe("hop marks", () => {
  it("words where a packet ends from its flags and reason code", () => {
    expect(hopMark(tEn, HOP.drop, { code: "drop-etp-local" })).toBe("DROP: eTP Local, no local endpoint");
    expect(hopMark(tEn, HOP.drop, { code: "drop-itp-local" })).toBe("DROP: iTP Local, no local endpoint");
    expect(hopMark(tEn, HOP.reject, { code: "reject-no-endpoints" })).toBe("REJECT: no endpoints");
    expect(hopMark(tEn, HOP.lost, { code: "lost-node-down" })).toBe("LOST: node down");
    expect(hopMark(tEn, HOP.refuse, { code: "refuse-pod" })).toBe("RST");
    expect(hopMark(tEn, HOP.deliver, { code: "deliver-pod" })).toBeNull();
  });

  it("words the marks in Korean", () => {
    expect(hopMark(tKo, HOP.drop, { code: "drop-etp-local" })).toBe("DROP: eTP Local, 로컬 엔드포인트 없음");
    expect(hopMark(tKo, HOP.lost, { code: "vanish" })).toBe("유실: 다운 또는 사라짐");
  });

  it("falls back to the bare verdict for a code without a short reason", () => {
    expect(hopMark(tEn, HOP.drop, { code: "route-no-rule" })).toBe("DROP");
  });
});

describe("load balancer captions", () => {
  const withMode = (mode: string) =>
    load(
      DEFAULT.replace("  loadBalancerIPPool: 203.0.113.0/24\n", `$&  loadBalancerMode: ${mode}\n`).replace(
        "  type: NodePort\n",
        "  type: LoadBalancer\n",
      ),
    ).cluster;
  const lbHop = (mode: string) => {
    const t = trace(withMode(mode), { from: "client:laptop", to: "203.0.113.1:80", seed: 1 });
    if (!t.ok) throw new Error(t.error.message);
    return traced(t.value, 1);
  };

  it("says a NodePort-target balancer rewrites the destination and keeps the client's address", () => {
    const [hop, after] = lbHop("NodePort");
    expect(hopCaption(tEn, hop, after)).toBe(
      "The load balancer of Service default/web picks 1 of 3 healthy nodes at random and rewrites the" +
        " destination to that node's NodePort: 192.168.1.2:30080. The client's address stays the source.",
    );
    expect(hopCaption(tKo, hop, after)).toBe(
      "Service default/web의 로드 밸런서가 정상 노드 3개 가운데 하나를 무작위로 골라 목적지를 그 노드의" +
        " NodePort인 192.168.1.2:30080(으)로 바꿨습니다. 출발지는 여전히 클라이언트 주소입니다.",
    );
  });

  it("says a proxy opens its own connection from the LB IP, so the pod does not see the client", () => {
    const [hop, after] = lbHop("Proxy");
    expect(hopCaption(tEn, hop, after)).toContain(
      "opens a connection of its own to that node's NodePort 192.168.1.2:30080, from its own address 203.0.113.1",
    );
    expect(hopCaption(tKo, hop, after)).toContain("자기 주소 203.0.113.1에서");
  });
});
