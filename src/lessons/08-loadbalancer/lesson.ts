// Lesson 8: LoadBalancer. The notes' crane-http (8080 -> 8080) of type LoadBalancer: the load balancer's
// spread over nodes, the extra hops behind it, and its health checks when a node dies (compare lesson 7).
import { podLabel } from "../../scene/ids";
import type { ClusterSummary } from "../../protocol/messages";
import type { Lesson, Outcome } from "../types";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";

const SERVICE = "default/crane-http";
const service = (c: ClusterSummary) => c.services.find((s) => s.name === SERVICE);
/** The load balancer's address and the Service port, as the laptop dials it. */
const viaLB = (c: ClusterSummary) => `${service(c)?.loadBalancerIPs[0] ?? "0.0.0.0"}:8080`;

const counts = (o: Outcome) => ({
  total: o.last?.requests ?? 0,
  delivered: o.last?.results.delivered ?? 0,
  timeout: (o.last?.results.timeout ?? 0) + (o.last?.results.dropped ?? 0),
  hops: o.last?.extraHops ?? 0,
});

/** "all", "most" or "none" of the last phase's requests answered. */
const answered = (o: Outcome) => {
  const { total, delivered } = counts(o);
  return delivered === total && total > 0 ? "all" : delivered === 0 ? "none" : "most";
};

const answeredChoices = [
  { id: "all", label: { en: "All are answered", ko: "전부 응답을 받는다" } },
  { id: "most", label: { en: "Most, but some time out", ko: "대부분 받지만 일부는 타임아웃된다" } },
  { id: "none", label: { en: "None: like lesson 7", ko: "하나도 못 받는다: 7강처럼" } },
];

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "`crane-http` is of **type LoadBalancer**: the cloud set up a load balancer with its own outside address (the EXTERNAL-IP), in front of all three nodes.\n\nFollow one request from the laptop to that address.",
        ko: "`crane-http`는 **type LoadBalancer**입니다. 클라우드가 세 노드 앞에 로드밸런서를 세우고, 바깥 주소(EXTERNAL-IP)를 하나 붙여 주었습니다.\n\n노트북이 그 주소로 보낸 요청 하나를 따라가 봅시다.",
      },
      highlight: ["lb:default/crane-http", "svc:default/crane-http", "client:laptop"],
      run: [{ send: { from: "client:laptop", to: viaLB }, narrate: true }],
      notice: {
        en: "The laptop only knew {lb}. The load balancer chose a node and rewrote the destination to that node's NodePort {nodePort}; the node's kube-proxy then chose a pod ({pod} on {node}). LoadBalancer builds on NodePort: the Service got NodePort {nodePort} on every node.",
        ko: "노트북이 아는 주소는 {lb} 하나입니다. 로드밸런서가 노드를 하나 고르고 목적지를 그 노드의 NodePort {nodePort}(으)로 바꿨고, 이어서 그 노드의 kube-proxy가 Pod를 골랐습니다({node}의 {pod}). LoadBalancer는 NodePort 위에 지어진 타입이라, Service에는 모든 노드에 NodePort {nodePort}가 생겼습니다.",
      },
      noticeFacts: (o) => ({
        lb: viaLB(o.cluster),
        nodePort: service(o.cluster)?.ports[0]?.nodePort ?? "?",
        pod: podLabel(Object.keys(o.last?.perPod ?? {})[0] ?? "?"),
        node: Object.keys(o.last?.perNode ?? {})[0] ?? "?",
      }),
    },
    {
      text: {
        en: "The load balancer knows nodes, not pods. It spreads connections over every node that passes its health check, node-1 included, though node-1 runs no crane pod.",
        ko: "로드밸런서가 아는 것은 Pod가 아니라 노드입니다. 헬스 체크를 통과한 모든 노드로 연결을 나누는데, crane Pod가 없는 node-1도 그 안에 들어갑니다.",
      },
      highlight: ["lb:default/crane-http", "node:node-1", "node:node-2", "node:node-3"],
      predict: {
        question: {
          en: "Of 60 requests through the load balancer, how many take an extra hop between nodes?",
          ko: "로드밸런서를 거친 요청 60개 중 노드 사이를 한 번 더 건너는 요청은 몇 개쯤일까요?",
        },
        choices: [
          { id: "none", label: { en: "None", ko: "없다" } },
          { id: "third", label: { en: "About a third", ko: "3분의 1쯤" } },
          { id: "twoThirds", label: { en: "About two thirds", ko: "3분의 2쯤" } },
        ],
        answer: (o) => {
          const share = counts(o).hops / Math.max(1, counts(o).total);
          return share < 1 / 6 ? "none" : share < 1 / 2 ? "third" : "twoThirds";
        },
        explain: {
          en: "{hops} of {total}. What node-1 gets always hops; on node-2 and node-3, kube-proxy picks either pod, so half hop: 1/3 + 2/3 × 1/2 = 2/3.",
          ko: "{total}개 중 {hops}개입니다. node-1로 간 요청은 항상 건너가고, node-2와 node-3에서는 kube-proxy가 두 Pod 중 하나를 고르니 절반이 건너갑니다. 1/3 + 2/3 × 1/2 = 2/3.",
        },
        facts: counts,
      },
      run: [{ burst: { from: "client:laptop", to: viaLB, count: 60 } }],
    },
    {
      text: {
        en: "Now node-1 fails, as in lesson 7. The load balancer probes each node every 5 s and takes a node out after 2 failed checks.",
        ko: "이제 7강처럼 node-1이 멈춥니다. 로드밸런서는 5초마다 각 노드를 점검하고, 두 번 연속 실패한 노드를 빼 버립니다.",
      },
      highlight: ["node:node-1", "lb:default/crane-http"],
      predict: {
        question: {
          en: "Straight after the failure, the laptop sends 30 requests to the load balancer. What do they get?",
          ko: "장애 직후 노트북이 로드밸런서로 요청 30개를 보냅니다. 결과는 어떨까요?",
        },
        choices: answeredChoices,
        answer: answered,
        explain: {
          en: "{delivered} answered and {timeout} timed out: those the load balancer sent to node-1 before its health checks noticed.",
          ko: "{delivered}개는 응답을 받았고 {timeout}개는 타임아웃됐습니다. 헬스 체크가 알아채기 전에 로드밸런서가 node-1로 보낸 요청들입니다.",
        },
        facts: counts,
      },
      run: [{ failNode: "node-1" }, { burst: { from: "client:laptop", to: viaLB, count: 30 } }],
    },
    {
      text: {
        en: "Fifteen seconds later, node-1 has failed its health checks more than twice. The laptop still uses the same address.",
        ko: "15초가 지나면 node-1은 헬스 체크에 두 번 넘게 실패한 상태입니다. 노트북은 여전히 같은 주소를 씁니다.",
      },
      highlight: ["lb:default/crane-http", "node:node-2", "node:node-3"],
      predict: {
        question: {
          en: "What do 30 more requests to the load balancer get now?",
          ko: "지금 로드밸런서로 요청 30개를 더 보내면 어떻게 될까요?",
        },
        choices: answeredChoices,
        answer: answered,
        explain: {
          en: "{delivered} of {total} answered. node-1 is out of the rotation, so the load balancer only uses node-2 and node-3. Unlike lesson 7, the client changed nothing: the failure cost it a few seconds, not the service.",
          ko: "{total}개 중 {delivered}개가 응답을 받았습니다. node-1이 대상 목록에서 빠져서 로드밸런서는 node-2와 node-3만 씁니다. 7강과 달리 클라이언트는 아무것도 바꾸지 않았습니다. 장애로 잃은 것은 서비스가 아니라 몇 초였습니다.",
        },
        facts: counts,
      },
      run: [{ wait: 15 }, { burst: { from: "client:laptop", to: viaLB, count: 30 } }],
    },
    {
      text: {
        en: "Browsers use port 80 unless told otherwise. The load balancer listens on the Service's `port`; the pods keep their `targetPort`.",
        ko: "브라우저는 따로 적지 않으면 80번 포트를 씁니다. 로드밸런서는 Service의 `port`에서 받고, Pod는 자기 `targetPort`를 그대로 씁니다.",
      },
      highlight: ["lb:default/crane-http", "svc:default/crane-http"],
      task: {
        goal: {
          en: "Make the load balancer answer on port 80 while the crane pods keep listening on 8080.",
          ko: "crane Pod는 그대로 8080에서 받게 두고, 로드밸런서가 80번 포트에서 응답하게 하세요.",
        },
        hint: {
          en: "In `spec.ports[0]` of `crane-http`, set `port: 80` and leave `targetPort: 8080` as it is.",
          ko: "`crane-http`의 `spec.ports[0]`에서 `port: 80`으로 바꾸고, `targetPort: 8080`은 그대로 두세요.",
        },
        solution: [
          { edit: { kind: "Service", name: "crane-http", path: ["spec", "ports", 0, "port"], value: 80 } },
        ],
        check: (v) => {
          const s = v.cluster?.services.find((x) => x.name === SERVICE);
          // The pods still listen on 8080, so the text must keep sending there.
          return (
            s?.type === "LoadBalancer" &&
            s.ports.some((p) => p.port === 80) &&
            /targetPort:\s*8080\b/.test(v.yaml)
          );
        },
      },
    },
  ],
};
