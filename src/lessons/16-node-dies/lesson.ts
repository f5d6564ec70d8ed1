// Lesson 16: what the traffic sees while the control plane notices a dead node. Kubernetes' default
// timings: 50 s of node monitor grace period before NotReady (kube-proxy then drops the node's endpoints),
// 300 s more before the pods are evicted and replaced. Built on the source notes' crane-nodeport (30123)
// and its warning that a failed node takes its share of the Service with it.
import { podLabel } from "../../scene/ids";
import type { ClusterSummary } from "../../protocol/messages";
import type { Lesson, Outcome } from "../types";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";

const NODEPORT = "192.168.49.2:30123";
const burst = { burst: { from: "client:laptop", to: NODEPORT, count: 30 } };

/** Crane pods that serve: running, ready, not terminating; on one node if given. */
const serving = (c: ClusterSummary, node?: string) =>
  c.pods.filter((p) => p.labels.app === "crane" && p.ready && !p.terminating && (!node || p.node === node));

const share = (o: Outcome): number => (o.last?.results.delivered ?? 0) / Math.max(1, o.last?.requests ?? 1);

const counts = (o: Outcome) => ({
  delivered: o.last?.results.delivered ?? 0,
  timeouts: o.last?.results.timeout ?? 0,
  total: o.last?.requests ?? 0,
  pods:
    Object.keys(o.last?.perPod ?? {})
      .map(podLabel)
      .join(", ") || "?",
});

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "Three crane pods: two on node-2, one on node-3. The laptop uses node-1's NodePort, `192.168.49.2:30123`, the address from the notes.\n\nNow node-2 loses power. Nobody tells the cluster: its kubelet simply stops reporting.",
        ko: "crane Pod가 셋 있습니다. 둘은 node-2에, 하나는 node-3에 있습니다. 노트북은 노트에 나온 주소, node-1의 NodePort `192.168.49.2:30123`을 씁니다.\n\n이제 node-2의 전원이 나갑니다. 클러스터에 알려 주는 이는 없습니다. kubelet이 보고를 멈출 뿐입니다.",
      },
      highlight: ["node:node-2", "pods:app=crane", "client:laptop"],
    },
    {
      text: {
        en: "node-2 fails, and the laptop sends 30 requests straight away.",
        ko: "node-2가 죽고, 노트북이 곧바로 요청 30개를 보냅니다.",
      },
      highlight: ["node:node-2", "node:node-1"],
      predict: {
        question: {
          en: "Right after node-2 dies, how many of 30 requests get an answer?",
          ko: "node-2가 죽은 직후, 요청 30개 중 몇 개가 응답을 받을까요?",
        },
        choices: [
          {
            id: "all",
            label: { en: "All: Kubernetes reroutes at once", ko: "전부: 쿠버네티스가 바로 우회시킨다" },
          },
          { id: "third", label: { en: "About a third", ko: "3분의 1쯤" } },
          { id: "none", label: { en: "None", ko: "하나도 없다" } },
        ],
        answer: (o) => (share(o) > 0.95 ? "all" : share(o) === 0 ? "none" : "third"),
        explain: {
          en: "{delivered} of {total} answered, by {pods}; {timeouts} timed out on their way to node-2. No one knows yet: the node controller waits 50 s of missed heartbeats (the node monitor grace period) before calling a node NotReady, and kube-proxy keeps its endpoints until then.",
          ko: "{total}개 중 {delivered}개가 {pods}에게서 응답을 받았고, {timeouts}개는 node-2로 가다 타임아웃되었습니다. 아직 아무도 모릅니다. 노드 컨트롤러는 heartbeat가 50초(node monitor grace period) 동안 끊겨야 노드를 NotReady로 보고, 그때까지 kube-proxy는 그 엔드포인트를 그대로 씁니다.",
        },
        facts: counts,
      },
      run: [{ failNode: "node-2" }, burst],
    },
    {
      text: {
        en: "50 seconds later node-2 is **NotReady**. The laptop sends 30 more.",
        ko: "50초가 지나 node-2가 **NotReady**가 되었습니다. 노트북이 30개를 더 보냅니다.",
      },
      highlight: ["node:node-2", "pods:app=crane"],
      predict: {
        question: {
          en: "Where are node-2's two crane pods now?",
          ko: "node-2의 crane Pod 둘은 지금 어디 있을까요?",
        },
        choices: [
          { id: "moved", label: { en: "Recreated on node-3", ko: "node-3에 새로 만들어졌다" } },
          {
            id: "kept",
            label: {
              en: "Still on node-2, out of the endpoints",
              ko: "아직 node-2에, 엔드포인트에서만 빠졌다",
            },
          },
          { id: "deleted", label: { en: "Deleted, not replaced", ko: "지워졌고 대신할 Pod도 없다" } },
        ],
        answer: (o) =>
          o.cluster.pods.some((p) => p.labels.app === "crane" && p.node === "node-2" && !p.terminating)
            ? "kept"
            : serving(o.cluster, "node-3").length >= 3
              ? "moved"
              : "deleted",
        explain: {
          en: "{delivered} of {total} answered, all by {pods}. node-2's pods are still listed there, Ready false: their endpoints stopped being ready, so kube-proxy no longer picks them. The ReplicaSet still counts them, so nothing new starts.",
          ko: "{total}개 중 {delivered}개가 응답을 받았고, 모두 {pods}가 처리했습니다. node-2의 Pod는 Ready가 false인 채 그대로 남아 있습니다. 엔드포인트가 준비되지 않은 상태가 되어 kube-proxy가 고르지 않을 뿐입니다. ReplicaSet은 여전히 그 Pod들을 세고 있어서 새 Pod는 뜨지 않습니다.",
        },
        facts: counts,
      },
      run: [{ wait: 50 }, burst],
    },
    {
      text: {
        en: "Every pod tolerates an unreachable node for **300 s** by default (`tolerationSeconds` on the `node.kubernetes.io/unreachable` taint). Five more minutes pass.",
        ko: "모든 Pod는 기본값으로 노드에 닿지 못하는 상태를 **300초** 동안 참습니다(`node.kubernetes.io/unreachable` taint에 대한 `tolerationSeconds`). 5분이 더 지납니다.",
      },
      highlight: ["node:node-3", "pods:app=crane"],
      predict: {
        question: {
          en: "How many crane pods serve on node-3 now?",
          ko: "지금 node-3에서 일하는 crane Pod는 몇 개일까요?",
        },
        choices: [
          { id: "one", label: { en: "Still one", ko: "여전히 하나" } },
          { id: "three", label: { en: "Three", ko: "셋" } },
        ],
        answer: (o) => (serving(o.cluster, "node-3").length >= 3 ? "three" : "one"),
        explain: {
          en: "The toleration ran out: node-2's pods were evicted and the ReplicaSet started {fresh} on node-3. The old two stay **Terminating**, since nobody on node-2 can confirm they stopped. Requests: {delivered} of {total}, over {pods}.",
          ko: "toleration 시간이 끝나 node-2의 Pod가 축출되었고, ReplicaSet이 node-3에 {fresh}를 새로 띄웠습니다. 예전 Pod 둘은 **Terminating**으로 남습니다. node-2에서 멈췄다고 확인해 줄 이가 없기 때문입니다. 요청은 {total}개 중 {delivered}개가 {pods}에게 갔습니다.",
        },
        facts: (o) => ({
          ...counts(o),
          fresh:
            serving(o.cluster, "node-3")
              .filter((p) => !o.before.pods.some((q) => q.name === p.name))
              .map((p) => podLabel(p.name))
              .join(", ") || "?",
        }),
      },
      run: [{ wait: 305 }, burst],
    },
    {
      text: {
        en: "node-2 gets its power back. Its kubelet reports in and deletes the evicted pods it still had.",
        ko: "node-2에 전원이 돌아옵니다. kubelet이 다시 보고를 시작하고, 남아 있던 축출된 Pod를 지웁니다.",
      },
      highlight: ["node:node-2"],
      predict: {
        question: { en: "Do crane pods move back to node-2?", ko: "crane Pod가 node-2로 돌아갈까요?" },
        choices: [
          { id: "yes", label: { en: "Yes, to balance the nodes", ko: "돌아간다: 노드 사이 균형을 맞춘다" } },
          { id: "no", label: { en: "No, they stay on node-3", ko: "안 돌아간다: node-3에 머문다" } },
        ],
        answer: (o) => (serving(o.cluster, "node-2").length > 0 ? "yes" : "no"),
        explain: {
          en: "node-2 is Ready and empty: all {total} requests went to {pods}. Kubernetes does not move running pods to rebalance; node-2 gets pods again only when new ones are scheduled (a scale-up, a rollout, another failure).",
          ko: "node-2는 Ready지만 비어 있습니다. 요청 {total}개는 모두 {pods}에게 갔습니다. 쿠버네티스는 균형을 맞추려고 돌고 있는 Pod를 옮기지 않습니다. node-2에는 새 Pod가 스케줄될 때(스케일 업, 롤아웃, 또 다른 장애)에만 다시 Pod가 생깁니다.",
        },
        facts: counts,
      },
      run: [{ recoverNode: "node-2" }, { wait: 5 }, burst],
    },
    {
      text: {
        en: "All three pods now share one node, node-3: exactly what the notes warn about. Live through the whole story once more, on your own.",
        ko: "이제 세 Pod가 모두 node-3 한 곳에 몰려 있습니다. 노트가 경고한 바로 그 상황입니다. 처음부터 끝까지 직접 한 번 더 겪어 보세요.",
      },
      highlight: ["node:node-3", "pods:app=crane"],
      task: {
        goal: {
          en: "Fail node-3 and let the clock run until three crane pods serve again, on node-2.",
          ko: "node-3을 죽이고, crane Pod 셋이 node-2에서 다시 일할 때까지 시계를 흘려보내세요.",
        },
        hint: {
          en: "Right-click node-3 → Fail node (node-2 must be back first), then press play and raise the speed: with no packet on the wire the clock runs as a time-lapse. Eviction comes 350 s after the failure.",
          ko: "node-3을 오른쪽 클릭해 Fail node를 고르세요(먼저 node-2가 살아 있어야 합니다). 그다음 재생하고 속도를 올리세요. 선 위에 패킷이 없으면 시계가 빨리 흐릅니다. 축출은 장애 뒤 350초에 일어납니다.",
        },
        solution: [{ failNode: "node-3" }, { wait: 360 }],
        check: (v) =>
          v.sim?.nodes.some((n) => n.name === "node-3" && !n.up) === true &&
          !!v.cluster &&
          serving(v.cluster, "node-2").length >= 3,
      },
    },
  ],
};
