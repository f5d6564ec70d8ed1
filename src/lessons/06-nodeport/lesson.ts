// Lesson 6: NodePort. Built on the source notes' crane-nodeport Service (nodePort 30123, targetPort
// 8080) in a minikube-style network (192.168.49.x).
import { podLabel } from "../../scene/ids";
import type { Lesson } from "../types";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";

const CONTROL_PLANE = "192.168.49.2:30123";
const WORKER = "192.168.49.4:30123";

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "A ClusterIP only exists inside the cluster. To let the laptop in, the Service `crane-nodeport` is of **type NodePort**: kube-proxy opens port `30123` on **every** node, whether or not a crane pod runs there.\n\nThree numbers make the path: `nodePort` 30123 (on each node) → `port` 8080 (on the ClusterIP) → `targetPort` 8080 (on the pod).",
        ko: "ClusterIP는 클러스터 안에서만 존재합니다. 노트북이 들어올 수 있도록 `crane-nodeport` Service는 **type NodePort**입니다. kube-proxy는 crane Pod가 있든 없든 **모든** 노드에 `30123` 포트를 엽니다.\n\n경로는 세 숫자로 이루어집니다. `nodePort` 30123(각 노드) → `port` 8080(ClusterIP) → `targetPort` 8080(Pod).",
      },
      highlight: ["svc:default/crane-nodeport", "node:node-1", "node:node-2", "node:node-3"],
    },
    {
      text: {
        en: "node-1 is the control plane: it runs **no** crane pod. The laptop sends a request to node-1's address anyway.",
        ko: "node-1은 컨트롤 플레인이라 crane Pod가 **하나도** 없습니다. 그래도 노트북은 node-1의 주소로 요청을 보냅니다.",
      },
      highlight: ["node:node-1", "client:laptop"],
      predict: {
        question: {
          en: "What happens to a request sent to 192.168.49.2:30123?",
          ko: "192.168.49.2:30123으로 보낸 요청은 어떻게 될까요?",
        },
        choices: [
          {
            id: "hop",
            label: {
              en: "It is forwarded to a pod on another node",
              ko: "다른 노드의 Pod로 전달된다",
            },
          },
          {
            id: "refused",
            label: { en: "Connection refused: no pod here", ko: "연결 거부: 여기엔 Pod가 없다" },
          },
          { id: "lost", label: { en: "It is dropped and times out", ko: "버려져서 타임아웃된다" } },
        ],
        answer: (o) =>
          o.last?.results.delivered
            ? o.last.extraHops > 0
              ? "hop"
              : "refused"
            : o.last?.results.refused
              ? "refused"
              : "lost",
        explain: {
          en: "node-1's kube-proxy matched NodePort 30123 and DNATed the packet to a crane pod on {node}. The node network carried it there: **the extra hop**. Any node's IP works for a NodePort.",
          ko: "node-1의 kube-proxy가 NodePort 30123 규칙과 일치시키고 패킷을 {node}의 crane Pod로 DNAT했습니다. 노드 네트워크가 패킷을 그곳까지 실어 날랐습니다. 이것이 **추가 홉**입니다. NodePort는 어느 노드의 IP로도 동작합니다.",
        },
        facts: (o) => ({ node: Object.keys(o.last?.perNode ?? {})[0] ?? "?" }),
      },
      run: [{ send: { from: "client:laptop", to: CONTROL_PLANE }, narrate: true }],
    },
    {
      text: {
        en: "Look at the same request from the pod's side. To get the answer back through node-1, node-1 also rewrote the packet's **source**.",
        ko: "같은 요청을 Pod 쪽에서 봅시다. 응답이 node-1을 거쳐 돌아오도록, node-1은 패킷의 **출발지**도 바꿨습니다.",
      },
      predict: {
        question: {
          en: "Which source IP does the crane pod see?",
          ko: "crane Pod가 보는 출발지 IP는 무엇일까요?",
        },
        choices: [
          { id: "client", label: { en: "The laptop's, 192.168.49.1", ko: "노트북의 IP, 192.168.49.1" } },
          { id: "node", label: { en: "node-1's, 192.168.49.2", ko: "node-1의 IP, 192.168.49.2" } },
          { id: "cluster", label: { en: "The Service's ClusterIP", ko: "Service의 ClusterIP" } },
        ],
        answer: (o) => {
          const seen = Object.values(o.last?.sourceIPs ?? {}).flat();
          return seen.includes("192.168.49.1")
            ? "client"
            : seen.includes("192.168.49.2")
              ? "node"
              : "cluster";
        },
        explain: {
          en: "The pod saw {seen}. With `externalTrafficPolicy: Cluster` (the default), the node **masquerades** (SNATs) outside traffic to its own address, so the client's IP is lost to the application.",
          ko: "Pod는 {seen}을(를) 보았습니다. `externalTrafficPolicy: Cluster`(기본값)에서는 노드가 외부 트래픽을 자기 주소로 **masquerade**(SNAT)하므로, 애플리케이션은 클라이언트 IP를 알 수 없습니다.",
        },
        facts: (o) => ({
          seen: [...new Set(Object.values(o.last?.sourceIPs ?? {}).flat())].join(", ") || "?",
        }),
      },
      run: [{ send: { from: "client:laptop", to: CONTROL_PLANE } }],
      // Lesson 9 is about keeping it; a teacher may want to show the difference already.
      compare: {
        setting: "externalTrafficPolicy",
        service: "default/crane-nodeport",
        from: "client:laptop",
        to: WORKER,
        count: 20,
      },
    },
    {
      text: {
        en: "Now send 40 requests to node-3, which does run a crane pod. kube-proxy on node-3 picks among **all** crane pods at random, not just its own.",
        ko: "이번에는 crane Pod가 있는 node-3으로 요청 40개를 보냅니다. node-3의 kube-proxy는 자기 Pod만이 아니라 **모든** crane Pod 중에서 무작위로 고릅니다.",
      },
      highlight: ["node:node-3", "pods:app=crane"],
      predict: {
        question: {
          en: "Of 40 requests to node-3, about how many take the extra hop to node-2?",
          ko: "node-3으로 보낸 요청 40개 중 node-2로 추가 홉을 하는 요청은 대략 몇 개일까요?",
        },
        choices: [
          { id: "none", label: { en: "None: node-3 keeps them", ko: "없다: node-3이 모두 처리한다" } },
          { id: "half", label: { en: "About half", ko: "대략 절반" } },
          { id: "all", label: { en: "All of them", ko: "전부" } },
        ],
        answer: (o) => {
          const share = (o.last?.extraHops ?? 0) / Math.max(1, o.last?.requests ?? 1);
          return share === 0 ? "none" : share > 0.9 ? "all" : "half";
        },
        explain: {
          en: "{hops} of {total} requests hopped to node-2. With two endpoints, each new connection has a 1/2 chance of each pod, wherever it arrived.",
          ko: "요청 {total}개 중 {hops}개가 node-2로 건너갔습니다. 엔드포인트가 둘이면, 새 연결은 어느 노드에 도착했든 각 Pod로 갈 확률이 1/2입니다.",
        },
        facts: (o) => ({ hops: o.last?.extraHops ?? 0, total: o.last?.requests ?? 0 }),
      },
      run: [{ burst: { from: "client:laptop", to: WORKER, count: 40 } }],
      notice: {
        en: "The pods' counters and the Stats panel show the split: {perPod}.",
        ko: "Pod 카운터와 Stats 패널에서 분배를 볼 수 있습니다: {perPod}.",
      },
      noticeFacts: (o) => ({
        perPod: Object.entries(o.last?.perPod ?? {})
          .map(([p, n]) => `${podLabel(p)} ${n}`)
          .join(", "),
      }),
    },
    {
      text: {
        en: "The source notes' second lab exposes `webui` on nodePort **30200**. Any free port in 30000-32767 works.",
        ko: "노트의 두 번째 실습은 `webui`를 nodePort **30200**으로 노출합니다. 30000-32767 범위의 빈 포트라면 무엇이든 됩니다.",
      },
      task: {
        goal: {
          en: "Change the `nodePort` of `crane-nodeport` to 30200 (in the YAML tab, or let “Show me” do it).",
          ko: "`crane-nodeport`의 `nodePort`를 30200으로 바꾸세요(YAML 탭에서 직접, 또는 “보여 주기”로).",
        },
        hint: {
          en: "Under `spec.ports[0]`, set `nodePort: 30200`. A value outside 30000-32767 is refused by the API server.",
          ko: "`spec.ports[0]` 아래에 `nodePort: 30200`을 쓰세요. 30000-32767 밖의 값은 API 서버가 거부합니다.",
        },
        solution: [
          {
            edit: {
              kind: "Service",
              name: "crane-nodeport",
              path: ["spec", "ports", 0, "nodePort"],
              value: 30200,
            },
          },
        ],
        check: (v) =>
          !!v.cluster?.services.some(
            (s) => s.name === "default/crane-nodeport" && s.ports[0]?.nodePort === 30200,
          ),
      },
    },
  ],
};
