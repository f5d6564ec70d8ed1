// Lesson 15: a ClusterIP belongs to no interface. kube-proxy's rules give it meaning for the Service's
// own ports and protocol only: ping gets no reply, curl to 8080 reaches a pod, curl to another port
// goes nowhere. Pod IPs, by contrast, are real. Built on the source notes' crane-http (8080).
import { podLabel } from "../../scene/ids";
import { clusterIPOf } from "../runner";
import type { Lesson, Outcome } from "../types";
import type { ClusterSummary } from "../../protocol/messages";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";

const SHELL = "pod:default/shell";
const SERVICE = "default/crane-http";

/** The Service's ClusterIP alone: ICMP has no port. */
const clusterIP = (c: ClusterSummary): string =>
  c.services.find((s) => s.name === SERVICE)?.clusterIP ?? "0.0.0.0";

/** The crane pod on node-3's own address. */
const podIP = (c: ClusterSummary): string =>
  c.pods.find((p) => p.labels.app === "crane" && p.node === "node-3" && !p.terminating)?.ip ?? "0.0.0.0";

const perPod = (o: Outcome): string =>
  Object.entries(o.last?.perPod ?? {})
    .map(([p, n]) => `${podLabel(p)} ${n}`)
    .join(", ") || "?";

const firstPod = (o: Outcome): string => {
  const pod = Object.keys(o.last?.perPod ?? {})[0];
  return pod ? podLabel(pod) : "?";
};

const delivered = (o: Outcome): number => o.last?.results.delivered ?? 0;

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "The notes end with a warning: ping a Service and no reply comes back. `crane-http` has a ClusterIP, yet no node, pod or network card owns that address. kube-proxy writes it into each node's iptables rules, for **TCP port 8080** only.",
        ko: "노트는 이런 경고로 끝납니다. Service에 ping을 보내면 응답이 오지 않는다는 것이죠. `crane-http`에는 ClusterIP가 있지만, 그 주소를 가진 노드도 Pod도 네트워크 카드도 없습니다. kube-proxy가 각 노드의 iptables 규칙에 적어 둘 뿐이고, 그것도 **TCP 8080 포트**에 대해서만입니다.",
      },
      highlight: ["svc:default/crane-http", SHELL],
    },
    {
      text: {
        en: "`shell` pings the ClusterIP, as `ping` would from inside the pod. Follow the packet hop by hop.",
        ko: "`shell`이 Pod 안에서 `ping`을 하듯 ClusterIP로 ping을 보냅니다. 패킷을 한 홉씩 따라가 보세요.",
      },
      highlight: ["svc:default/crane-http", SHELL],
      predict: {
        question: { en: "Who answers the ping?", ko: "ping에 누가 응답할까요?" },
        choices: [
          { id: "pod", label: { en: "A crane pod", ko: "crane Pod 하나" } },
          { id: "service", label: { en: "The Service itself", ko: "Service 자신" } },
          { id: "none", label: { en: "Nobody: it times out", ko: "아무도: 타임아웃된다" } },
        ],
        answer: (o) =>
          delivered(o) ? (Object.keys(o.last?.perPod ?? {}).length ? "pod" : "service") : "none",
        explain: {
          en: "No reply. On node-2, KUBE-SERVICES holds rules for `{ip}` on TCP 8080 only; a ping matches none of them. With no interface holding `{ip}`, nothing can answer.",
          ko: "응답이 없습니다. node-2의 KUBE-SERVICES에는 `{ip}`에 대해 TCP 8080 규칙만 있어서 ping은 어느 규칙에도 맞지 않습니다. `{ip}`를 가진 인터페이스가 없으니 답할 곳도 없습니다.",
        },
        facts: (o) => ({ ip: clusterIP(o.cluster) }),
      },
      run: [{ send: { from: SHELL, to: clusterIP, protocol: "ICMP" }, narrate: true }],
    },
    {
      text: {
        en: "Same address, but now a TCP connection to port 8080, as `curl` makes: 20 of them.",
        ko: "같은 주소지만 이번에는 `curl`처럼 8080 포트로 TCP 연결을 맺습니다. 20번입니다.",
      },
      highlight: ["svc:default/crane-http", "pods:app=crane"],
      predict: {
        question: { en: "Do the 20 connections get answers?", ko: "연결 20개가 응답을 받을까요?" },
        choices: [
          { id: "yes", label: { en: "Yes, from the crane pods", ko: "받는다: crane Pod가 답한다" } },
          {
            id: "no",
            label: {
              en: "No: the address answers nothing",
              ko: "못 받는다: 그 주소는 아무것도 답하지 않는다",
            },
          },
        ],
        answer: (o) => (delivered(o) > 0 ? "yes" : "no"),
        explain: {
          en: "{delivered} of {total} answered ({perPod}). For TCP 8080 the node DNATs the ClusterIP to a pod's IP before routing, so the virtual address never leaves the node.",
          ko: "{total}개 중 {delivered}개가 응답을 받았습니다({perPod}). TCP 8080이라면 노드가 라우팅하기 전에 ClusterIP를 Pod IP로 DNAT하므로, 가상 주소는 노드 밖으로 나가지 않습니다.",
        },
        facts: (o) => ({ delivered: delivered(o), total: o.last?.requests ?? 0, perPod: perPod(o) }),
      },
      run: [{ burst: { from: SHELL, to: clusterIPOf(SERVICE), count: 20 } }],
    },
    {
      text: {
        en: "Pod IPs are another matter: each one sits on a real interface inside the pod's network namespace. Ping the crane pod on node-3 directly.",
        ko: "Pod IP는 다릅니다. Pod의 네트워크 네임스페이스 안에 있는 진짜 인터페이스에 붙어 있습니다. node-3의 crane Pod로 직접 ping을 보내 봅니다.",
      },
      highlight: ["node:node-3", "pods:app=crane"],
      predict: {
        question: { en: "Does the pod answer the ping?", ko: "Pod가 ping에 응답할까요?" },
        choices: [
          { id: "yes", label: { en: "Yes", ko: "응답한다" } },
          { id: "no", label: { en: "No, like the ClusterIP", ko: "ClusterIP처럼 응답하지 않는다" } },
        ],
        answer: (o) => (delivered(o) > 0 ? "yes" : "no"),
        explain: {
          en: "{pod} answered: its kernel replies to ICMP like any host. No kube-proxy rule took part; node-2 simply routed the packet to node-3.",
          ko: "{pod}가 응답했습니다. 여느 호스트처럼 Pod의 커널이 ICMP에 답합니다. kube-proxy 규칙은 끼어들지 않았고, node-2는 패킷을 node-3으로 라우팅했을 뿐입니다.",
        },
        facts: (o) => ({ pod: firstPod(o) }),
      },
      run: [{ send: { from: SHELL, to: podIP, protocol: "ICMP" } }],
    },
    {
      text: {
        en: "Back to the ClusterIP, with curl this time, but on **port 80**, a port the Service does not declare.",
        ko: "다시 ClusterIP로, 이번에도 curl이지만 Service에 없는 **80 포트**로 보냅니다.",
      },
      highlight: ["svc:default/crane-http"],
      predict: {
        question: {
          en: "What does curl to the ClusterIP on port 80 get?",
          ko: "ClusterIP의 80 포트로 curl하면 어떻게 될까요?",
        },
        choices: [
          { id: "refused", label: { en: "Connection refused at once", ko: "곧바로 연결 거부" } },
          { id: "timeout", label: { en: "Nothing: it times out", ko: "아무 응답 없이 타임아웃" } },
          { id: "answered", label: { en: "A crane pod answers", ko: "crane Pod가 응답한다" } },
        ],
        answer: (o) =>
          delivered(o)
            ? "answered"
            : o.last?.results.refused || o.last?.results.rejected
              ? "refused"
              : "timeout",
        explain: {
          en: "The Service only declares {ports}. Port 80 matches no rule, and since nobody owns the address, nobody even sends a reset: curl waits, then gives up.",
          ko: "Service에는 {ports}만 있습니다. 80 포트는 어떤 규칙에도 맞지 않고, 주소의 주인이 없으니 거부(reset)를 돌려줄 이도 없습니다. curl은 기다리다 포기합니다.",
        },
        facts: (o) => ({
          ports:
            o.cluster.services
              .find((s) => s.name === SERVICE)
              ?.ports.map((p) => `\`${p.port}/${p.protocol}\``)
              .join(", ") ?? "?",
        }),
      },
      run: [{ send: { from: SHELL, to: clusterIPOf(SERVICE, 80) } }],
    },
    {
      text: {
        en: "The ClusterIP answers on exactly the ports the Service declares. The pods keep listening on 8080; `targetPort` bridges the two.",
        ko: "ClusterIP는 Service에 적힌 포트에서만 응답합니다. Pod는 계속 8080에서 기다리고, 둘 사이는 `targetPort`가 잇습니다.",
      },
      highlight: ["svc:default/crane-http"],
      task: {
        goal: {
          en: "Make `curl <ClusterIP>:80` reach crane: give `crane-http` the `port` 80, with `targetPort` still 8080.",
          ko: "`curl <ClusterIP>:80`이 crane에 닿게 하세요. `crane-http`의 `port`를 80으로 하고 `targetPort`는 8080으로 둡니다.",
        },
        hint: {
          en: "Under `spec.ports[0]`, change `port: 8080` to `port: 80`. The ClusterIP stays the same. Then send from `shell` to the ClusterIP on port 80.",
          ko: "`spec.ports[0]`에서 `port: 8080`을 `port: 80`으로 바꾸세요. ClusterIP는 그대로입니다. 그다음 `shell`에서 ClusterIP의 80 포트로 보내 보세요.",
        },
        solution: [
          { edit: { kind: "Service", name: "crane-http", path: ["spec", "ports", 0, "port"], value: 80 } },
        ],
        check: (v) =>
          !!v.cluster?.services
            .find((s) => s.name === SERVICE)
            ?.ports.some((p) => p.port === 80 && p.protocol === "TCP") &&
          // A targetPort no crane container declares would leave port 80 refusing connections.
          !v.diagnostics.some((d) => d.object === `Service/${SERVICE}` && d.path.endsWith("targetPort")),
      },
    },
  ],
};
