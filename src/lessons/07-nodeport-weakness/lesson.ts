// Lesson 7: NodePort's weakness. The notes' crane-nodeport (30123) reached through one node's address,
// the way `curl 192.168.49.2:30123` does in a minikube lab; then that node fails.
import { podLabel } from "../../scene/ids";
import { byHeard } from "../outcome";
import type { Lesson, Outcome } from "../types";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";

const NODE_1 = "192.168.49.2:30123";
const NODE_2 = "192.168.49.3:30123";

const counts = (o: Outcome) => ({
  total: o.last?.requests ?? 0,
  delivered: o.last?.results.delivered ?? 0,
  timeout: (o.last?.results.timeout ?? 0) + (o.last?.results.dropped ?? 0),
  hops: o.last?.extraHops ?? 0,
});

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "The laptop was given one address for the crane app: `192.168.49.2:30123`, node-1's NodePort, as in `curl 192.168.49.2:30123` on minikube.\n\nnode-1 runs no crane pod (it is kept for batch jobs), but as in lesson 6, any node forwards.",
        ko: "노트북이 crane 앱에 쓰는 주소는 하나뿐입니다. minikube에서 `curl 192.168.49.2:30123`을 하듯, node-1의 NodePort인 `192.168.49.2:30123`입니다.\n\nnode-1은 배치 작업용이라 crane Pod가 없지만, 6강에서 본 것처럼 어느 노드든 요청을 넘겨 줍니다.",
      },
      highlight: ["client:laptop", "node:node-1", "svc:default/crane-nodeport"],
      run: [{ burst: { from: "client:laptop", to: NODE_1, count: 20 } }],
      notice: {
        en: "{delivered} of {total} answered, by the pods on node-2 and node-3 ({perPod}). All {hops} crossed over from node-1.",
        ko: "{total}개 중 {delivered}개가 응답을 받았고, 답한 것은 node-2와 node-3의 Pod입니다({perPod}). {hops}개 모두 node-1에서 건너갔습니다.",
      },
      noticeFacts: (o) => ({
        ...counts(o),
        perPod: Object.entries(o.last?.perPod ?? {})
          .map(([p, n]) => `${podLabel(p)} ${n}`)
          .join(", "),
      }),
    },
    {
      text: {
        en: "Now node-1 fails: a power cut, say. Both crane pods run on other nodes and keep going.",
        ko: "이제 node-1이 멈춥니다. 정전이라고 해 두죠. crane Pod 둘은 다른 노드에 있으니 그대로 돌아갑니다.",
      },
      highlight: ["node:node-1", "pods:app=crane"],
      predict: {
        question: {
          en: "The laptop sends 10 more requests to 192.168.49.2:30123. What happens?",
          ko: "노트북이 192.168.49.2:30123으로 요청 10개를 더 보냅니다. 어떻게 될까요?",
        },
        choices: [
          { id: "served", label: { en: "Another node answers instead", ko: "다른 노드가 대신 응답한다" } },
          { id: "refused", label: { en: "Connection refused, at once", ko: "즉시 연결이 거부된다" } },
          {
            id: "timeout",
            label: { en: "No answer: each one times out", ko: "응답이 없어 하나하나 타임아웃된다" },
          },
        ],
        answer: byHeard({ answer: "served", refused: "refused", silence: "timeout" }),
        explain: {
          en: "{timeout} of {total} timed out, after 5 s each. Nothing answers at 192.168.49.2 any more, and the NodePort rules that forwarded the packets ran on node-1 itself. The crane pods never saw a thing.",
          ko: "{total}개 중 {timeout}개가 각각 5초를 기다린 끝에 타임아웃됐습니다. 192.168.49.2에서는 이제 아무도 답하지 않고, 패킷을 넘겨 주던 NodePort 규칙도 node-1 안에서 돌던 것이었습니다. crane Pod에는 요청이 아예 닿지 않았습니다.",
        },
        facts: counts,
      },
      run: [{ failNode: "node-1" }, { burst: { from: "client:laptop", to: NODE_1, count: 10 } }],
    },
    {
      text: {
        en: "The crane app itself is still up. Suppose the laptop had used node-2's address instead.",
        ko: "crane 앱 자체는 아직 살아 있습니다. 노트북이 node-2의 주소를 썼다면 어땠을까요?",
      },
      highlight: ["node:node-2", "pods:app=crane"],
      predict: {
        question: {
          en: "Of 20 requests to 192.168.49.3:30123, how many get an answer?",
          ko: "192.168.49.3:30123으로 보낸 요청 20개 중 몇 개가 응답을 받을까요?",
        },
        choices: [
          { id: "all", label: { en: "All of them", ko: "전부" } },
          { id: "half", label: { en: "About half", ko: "절반쯤" } },
          { id: "none", label: { en: "None", ko: "하나도 없다" } },
        ],
        answer: (o) => {
          const { total, delivered } = counts(o);
          return delivered === total && total > 0 ? "all" : delivered === 0 ? "none" : "half";
        },
        explain: {
          en: "{delivered} of {total}. node-2's kube-proxy sends to both crane pods, its own and node-3's ({hops} hopped over). The Service never went down: only the one door the laptop knew.",
          ko: "{total}개 중 {delivered}개입니다. node-2의 kube-proxy는 자기 Pod와 node-3의 Pod 둘 다로 보냅니다({hops}개는 node-3으로 건너감). Service는 한 번도 죽지 않았습니다. 노트북이 아는 문 하나가 닫혔을 뿐입니다.",
        },
        facts: counts,
      },
      run: [{ burst: { from: "client:laptop", to: NODE_2, count: 20 } }],
    },
    {
      text: {
        en: "Give Kubernetes time. After the node monitor grace period (50 s) the control plane marks node-1 NotReady.",
        ko: "Kubernetes에 시간을 줘 봅시다. node monitor grace period(50초)가 지나면 컨트롤 플레인이 node-1을 NotReady로 표시합니다.",
      },
      highlight: ["node:node-1", "client:laptop"],
      predict: {
        question: {
          en: "A minute later, does 192.168.49.2:30123 work for the laptop again?",
          ko: "1분 뒤에는 노트북이 192.168.49.2:30123으로 다시 접속할 수 있을까요?",
        },
        choices: [
          {
            id: "yes",
            label: {
              en: "Yes: Kubernetes moves the NodePort to a live node",
              ko: "된다: Kubernetes가 NodePort를 살아 있는 노드로 옮긴다",
            },
          },
          {
            id: "no",
            label: {
              en: "No: nothing answers there while node-1 is down",
              ko: "안 된다: node-1이 죽어 있는 동안 그 주소엔 아무도 없다",
            },
          },
        ],
        answer: (o) => (o.last?.results.delivered ? "yes" : "no"),
        explain: {
          en: "{timeout} of {total} timed out again. NotReady changes which endpoints kube-proxy uses; a node's IP never moves to another node. To survive, the client would have to know every node and retry, or something in front of the nodes must do that for it.",
          ko: "이번에도 {total}개 중 {timeout}개가 타임아웃됐습니다. NotReady는 kube-proxy가 쓸 엔드포인트를 바꿀 뿐, 노드의 IP를 다른 노드로 옮기지 않습니다. 장애를 견디려면 클라이언트가 모든 노드를 알고 다시 시도하거나, 노드들 앞에서 누군가 그 일을 대신해야 합니다.",
        },
        facts: counts,
      },
      run: [{ wait: 60 }, { burst: { from: "client:laptop", to: NODE_1, count: 10 } }],
    },
    {
      text: {
        en: "That someone is a load balancer: one address that only sends to nodes still alive. A Service asks the cloud for one with `type: LoadBalancer`.",
        ko: "그 누군가가 바로 로드밸런서입니다. 주소는 하나이고, 살아 있는 노드로만 보냅니다. Service는 `type: LoadBalancer`로 클라우드에 로드밸런서를 요청합니다.",
      },
      highlight: ["svc:default/crane-nodeport"],
      task: {
        goal: {
          en: "Change the `type` of `crane-nodeport` to `LoadBalancer`. nodePort 30123 stays: a LoadBalancer Service is a NodePort Service plus an outside address.",
          ko: "`crane-nodeport`의 `type`을 `LoadBalancer`로 바꾸세요. nodePort 30123은 그대로 남습니다. LoadBalancer Service는 NodePort Service에 바깥 주소를 더한 것입니다.",
        },
        hint: {
          en: "In the YAML tab, under `spec`, write `type: LoadBalancer`. The load balancer then appears on the graph with its EXTERNAL-IP.",
          ko: "YAML 탭의 `spec` 아래에 `type: LoadBalancer`라고 쓰세요. 그러면 그래프에 EXTERNAL-IP를 단 로드밸런서가 나타납니다.",
        },
        solution: [
          {
            edit: { kind: "Service", name: "crane-nodeport", path: ["spec", "type"], value: "LoadBalancer" },
          },
        ],
        check: (v) =>
          !!v.cluster?.services.some(
            (s) =>
              s.name === "default/crane-nodeport" &&
              s.type === "LoadBalancer" &&
              s.loadBalancerIPs.length > 0,
          ),
      },
    },
  ],
};
