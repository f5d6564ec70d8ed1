// Lesson 9: externalTrafficPolicy: Local on the notes' crane-http LoadBalancer: the client's address
// survives and no packet hops, but a node without a crane pod drops, the load balancer's health check
// keeps it out, and the split by node leaves the lone pod with half the load.
import type { ClusterSummary } from "../../protocol/messages";
import { byHeard } from "../outcome";
import type { Lesson, Outcome } from "../types";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";

const SERVICE = "default/crane-http";
const LAPTOP = "192.168.49.1";
const service = (c: ClusterSummary) => c.services.find((s) => s.name === SERVICE);
const viaLB = (c: ClusterSummary) => `${service(c)?.loadBalancerIPs[0] ?? "0.0.0.0"}:8080`;
/** A node's address and the Service's NodePort. */
const nodePortOf = (node: string) => (c: ClusterSummary) =>
  `${c.nodes.find((n) => n.name === node)?.ip ?? "0.0.0.0"}:${service(c)?.ports[0]?.nodePort ?? 0}`;

const lost = (o: Outcome) =>
  (o.last?.results.dropped ?? 0) + (o.last?.results.timeout ?? 0) + (o.last?.results.refused ?? 0);
const seen = (o: Outcome) => [...new Set(Object.values(o.last?.sourceIPs ?? {}).flat())];
const cranePods = (c: ClusterSummary) => c.pods.filter((p) => p.labels.app === "crane" && !p.terminating);

/** The lone crane pod on node-3 and the others, with what each served in the last phase. */
function split(o: Outcome) {
  const served = (p: string) => o.last?.perPod[p] ?? 0;
  const pods = cranePods(o.cluster);
  const lone = pods.find((p) => p.node === "node-3");
  const others = pods.filter((p) => p !== lone).map((p) => served(p.name));
  return { lone: lone ? served(lone.name) : 0, others };
}

export const lesson: Lesson = {
  ...meta,
  scenario,
  // A seed whose 100 requests in step 5 split the way a long run does (about half to the lone pod).
  seed: 12,
  steps: [
    {
      text: {
        en: "`crane-http` again, with one more line: `externalTrafficPolicy: Local`. A node now hands outside traffic **only to crane pods on itself**.\n\nThere are three crane pods: two on node-2, one on node-3, none on node-1.",
        ko: "다시 `crane-http`입니다. 이번엔 `externalTrafficPolicy: Local` 한 줄이 더 있습니다. 이제 노드는 바깥에서 온 트래픽을 **자기 위의 crane Pod에만** 넘깁니다.\n\ncrane Pod는 셋입니다. node-2에 둘, node-3에 하나, node-1에는 없습니다.",
      },
      highlight: ["svc:default/crane-http", "pods:app=crane", "node:node-1"],
    },
    {
      text: {
        en: "The laptop sends one request to node-2's NodePort. Follow it hop by hop and watch what the node rewrites.",
        ko: "노트북이 node-2의 NodePort로 요청 하나를 보냅니다. 한 홉씩 따라가며 노드가 무엇을 바꾸는지 보세요.",
      },
      highlight: ["client:laptop", "node:node-2"],
      predict: {
        question: {
          en: "Which source IP does the crane pod see this time?",
          ko: "이번에는 crane Pod가 보는 출발지 IP가 무엇일까요?",
        },
        choices: [
          { id: "client", label: { en: "The laptop's, 192.168.49.1", ko: "노트북의 IP, 192.168.49.1" } },
          { id: "node", label: { en: "node-2's, 192.168.49.3", ko: "node-2의 IP, 192.168.49.3" } },
          { id: "cluster", label: { en: "The Service's ClusterIP", ko: "Service의 ClusterIP" } },
        ],
        answer: (o) =>
          seen(o).includes(LAPTOP) ? "client" : seen(o).includes("192.168.49.3") ? "node" : "cluster",
        explain: {
          en: "The pod saw {seen}. Under Local the node only DNATs: the pod is on this node, so the reply passes back through it anyway and no SNAT is needed. The app can log or allow-list real client addresses, and no packet crossed to another node.",
          ko: "Pod는 {seen}을(를) 보았습니다. Local에서는 노드가 DNAT만 합니다. Pod가 같은 노드에 있으니 응답도 어차피 이 노드를 지나가서 SNAT가 필요 없습니다. 앱은 진짜 클라이언트 주소를 기록하거나 허용 목록에 쓸 수 있고, 다른 노드로 건너간 패킷도 없습니다.",
        },
        facts: (o) => ({ seen: seen(o).join(", ") || "?" }),
      },
      run: [{ send: { from: "client:laptop", to: nodePortOf("node-2") }, narrate: true }],
    },
    {
      text: {
        en: "Now the laptop tries node-1's NodePort. kube-proxy opened it there too, but node-1 runs no crane pod.",
        ko: "이번엔 노트북이 node-1의 NodePort로 보냅니다. kube-proxy는 node-1에도 그 포트를 열었지만, node-1에는 crane Pod가 없습니다.",
      },
      highlight: ["client:laptop", "node:node-1"],
      predict: {
        question: { en: "What happens to the request?", ko: "요청은 어떻게 될까요?" },
        choices: [
          {
            id: "forward",
            label: {
              en: "node-1 forwards it to node-2 or node-3",
              ko: "node-1이 node-2나 node-3으로 넘긴다",
            },
          },
          { id: "refused", label: { en: "Connection refused, at once", ko: "즉시 연결이 거부된다" } },
          {
            id: "drop",
            label: {
              en: "Dropped: the laptop waits, then times out",
              ko: "버려진다: 노트북은 기다리다 타임아웃된다",
            },
          },
        ],
        answer: byHeard({ answer: "forward", refused: "refused", silence: "drop" }),
        explain: {
          en: "node-1 has no local endpoint for `crane-http`, and under Local it may not use the others, so kube-proxy **DROPs** the packet. (REJECT, a quick refusal, is only for a Service with no endpoints at all.) The laptop waited 5 s for nothing.",
          ko: "node-1에는 `crane-http`의 로컬 엔드포인트가 없고, Local에서는 다른 노드의 엔드포인트를 쓸 수 없으니 kube-proxy가 패킷을 **DROP**합니다. (바로 거절하는 REJECT는 엔드포인트가 하나도 없는 Service에만 씁니다.) 노트북은 5초를 헛되이 기다렸습니다.",
        },
      },
      run: [{ send: { from: "client:laptop", to: nodePortOf("node-1") } }],
    },
    {
      text: {
        en: "Real clients come through the load balancer, which still spreads over nodes. Does it send some of them to node-1?",
        ko: "실제 클라이언트는 로드밸런서를 거쳐 들어오고, 로드밸런서는 여전히 노드 단위로 나눕니다. 그중 일부를 node-1로 보낼까요?",
      },
      highlight: ["lb:default/crane-http", "node:node-1"],
      predict: {
        question: {
          en: "Of 30 requests to the load balancer, how many are lost on node-1?",
          ko: "로드밸런서로 보낸 요청 30개 중 node-1에서 사라지는 것은 몇 개일까요?",
        },
        choices: [
          { id: "third", label: { en: "About a third", ko: "3분의 1쯤" } },
          { id: "none", label: { en: "None", ko: "하나도 없다" } },
        ],
        answer: (o) => (lost(o) === 0 ? "none" : "third"),
        explain: {
          en: "{lost} lost. Under Local, kube-proxy opens a `healthCheckNodePort` for the Service, and the load balancer probes it on every node. Only nodes with a ready local crane pod answer healthy, so node-1 never got any traffic.",
          ko: "사라진 요청은 {lost}개입니다. Local에서는 kube-proxy가 이 Service용 `healthCheckNodePort`를 열고, 로드밸런서는 모든 노드에서 그 포트를 점검합니다. 준비된 로컬 crane Pod가 있는 노드만 건강하다고 답하니, node-1로는 트래픽이 하나도 가지 않았습니다.",
        },
        facts: (o) => ({ lost: lost(o) }),
      },
      run: [{ burst: { from: "client:laptop", to: viaLB, count: 30 } }],
    },
    {
      text: {
        en: "The load balancer splits connections between node-2 and node-3. node-2 has two crane pods, node-3 only one.",
        ko: "로드밸런서는 연결을 node-2와 node-3에 나눕니다. node-2에는 crane Pod가 둘, node-3에는 하나뿐입니다.",
      },
      highlight: ["lb:default/crane-http", "pods:app=crane"],
      predict: {
        question: {
          en: "Of 100 requests, how many reach the lone pod on node-3?",
          ko: "요청 100개 중 node-3의 외톨이 Pod에 닿는 것은 몇 개쯤일까요?",
        },
        choices: [
          { id: "same", label: { en: "About 33, like each of the others", ko: "33개쯤, 다른 Pod와 같다" } },
          {
            id: "more",
            label: { en: "About 50, more than each pod on node-2", ko: "50개쯤, node-2의 Pod보다 많다" },
          },
          { id: "less", label: { en: "Fewer than each of the others", ko: "다른 Pod보다 적다" } },
        ],
        answer: (o) => {
          const { lone, others } = split(o);
          return lone > Math.max(...others) ? "more" : lone < Math.min(...others) ? "less" : "same";
        },
        explain: {
          en: "The lone pod served {lone}; node-2's pods {others}. The load balancer splits by node, about half each, and node-2 shares its half between two pods. Under Cluster, kube-proxy would even that out, at the price of hops and the client's IP.",
          ko: "외톨이 Pod가 {lone}개, node-2의 Pod들이 {others}개를 처리했습니다. 로드밸런서는 노드 단위로 절반씩 나누고, node-2는 자기 몫을 Pod 둘이 나눠 갖습니다. Cluster였다면 kube-proxy가 고르게 맞춰 주지만, 대신 홉이 늘고 클라이언트 IP를 잃습니다.",
        },
        facts: (o) => ({ lone: split(o).lone, others: split(o).others.join(", ") }),
      },
      run: [{ burst: { from: "client:laptop", to: viaLB, count: 100 } }],
      compare: {
        setting: "externalTrafficPolicy",
        service: SERVICE,
        from: "client:laptop",
        to: "203.0.113.1:8080",
        count: 100,
      },
    },
    {
      text: {
        en: "Under Local, the load follows the pods **per node**. Keep Local, and make each node that serves carry the same number of crane pods.",
        ko: "Local에서는 부하가 **노드별** Pod 수를 따라갑니다. Local은 그대로 두고, 트래픽을 받는 노드마다 crane Pod 수가 같아지게 만들어 보세요.",
      },
      highlight: ["pods:app=crane", "node:node-3"],
      task: {
        goal: {
          en: "Even out the load: scale the `crane` Deployment so node-2 and node-3 run the same number of crane pods.",
          ko: "부하를 고르게 하세요. `crane` Deployment의 replicas를 바꿔 node-2와 node-3의 crane Pod 수를 같게 만드세요.",
        },
        hint: {
          en: "The scheduler puts a new pod on the node with fewer. Right-click a crane pod and scale `crane` to 4, or set `replicas: 4` in the YAML.",
          ko: "스케줄러는 새 Pod를 Pod가 적은 노드에 놓습니다. crane Pod를 우클릭해 `crane`을 4로 늘리거나, YAML에서 `replicas: 4`로 바꾸세요.",
        },
        solution: [{ scale: { deployment: "default/crane", replicas: 4 } }],
        check: (v) => {
          if (!v.cluster || service(v.cluster)?.externalTrafficPolicy !== "Local") return false;
          const perNode = new Map<string, number>();
          for (const p of cranePods(v.cluster))
            if (p.node) perNode.set(p.node, (perNode.get(p.node) ?? 0) + 1);
          const n = [...perNode.values()];
          return n.length >= 2 && n.every((x) => x === n[0]);
        },
      },
    },
  ],
};
