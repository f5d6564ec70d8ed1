// Lesson 10: internalTrafficPolicy: Local on the notes' my-service (80 -> 9376): a pod's connections to
// the ClusterIP stay on its node; a pod on a node without an endpoint has its packets dropped.
import { podLabel } from "../../scene/ids";
import { byHeard } from "../outcome";
import type { Lesson, Outcome } from "../types";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";

const SERVICE = "default/my-service";
const FROM_NODE_1 = { pod: "default/client-1" };
const FROM_NODE_3 = { pod: "default/client-3" };
const TARGET = "my-service:80";

const toLocal = {
  edit: { kind: "Service", name: "my-service", path: ["spec", "internalTrafficPolicy"], value: "Local" },
};

const perPod = (o: Outcome) =>
  Object.entries(o.last?.perPod ?? {})
    .map(([p, n]) => `${podLabel(p)} ${n}`)
    .join(", ") || "–";
const facts = (o: Outcome) => ({
  total: o.last?.requests ?? 0,
  perPod: perPod(o),
  hops: o.last?.extraHops ?? 0,
  p50: o.last?.latencyMs.p50 ?? 0,
});

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "`my-service` is a plain ClusterIP: port 80 → targetPort 9376 on the pods labelled `app: MyApp`, one on node-1 and one on node-2. `client-1`, on node-1, calls it by name.",
        ko: "`my-service`는 평범한 ClusterIP입니다. port 80 → targetPort 9376이고, `app: MyApp` label이 붙은 Pod 둘(node-1에 하나, node-2에 하나)로 보냅니다. node-1에 있는 `client-1`이 이름으로 호출합니다.",
      },
      highlight: ["svc:default/my-service", "pods:app=MyApp", "pod:default/client-1"],
      run: [{ burst: { from: FROM_NODE_1, to: TARGET, count: 20 } }],
      notice: {
        en: "kube-proxy on node-1 spread the {total} requests over both pods ({perPod}); {hops} crossed to node-2. Median time: {p50} ms.",
        ko: "node-1의 kube-proxy가 요청 {total}개를 두 Pod에 나눴습니다({perPod}). {hops}개는 node-2로 건너갔습니다. 응답 시간 중앙값은 {p50} ms입니다.",
      },
      noticeFacts: facts,
    },
    {
      text: {
        en: "Now `internalTrafficPolicy: Local` is set on `my-service`. kube-proxy on each node then keeps only the endpoints on that node for traffic from inside the cluster. (It syncs within a second, so the run waits 2 s.)",
        ko: "이제 `my-service`에 `internalTrafficPolicy: Local`을 넣습니다. 그러면 각 노드의 kube-proxy는 클러스터 안에서 온 트래픽에 자기 노드의 엔드포인트만 씁니다. (kube-proxy는 1초 안에 반영하므로 2초를 기다렸다 보냅니다.)",
      },
      highlight: ["svc:default/my-service", "node:node-1", "pod:default/client-1"],
      predict: {
        question: {
          en: "client-1 sends 20 more requests. Where do they go?",
          ko: "client-1이 요청 20개를 더 보냅니다. 어디로 갈까요?",
        },
        choices: [
          { id: "both", label: { en: "To both pods, as before", ko: "전처럼 두 Pod로" } },
          { id: "local", label: { en: "Only to the pod on node-1", ko: "node-1의 Pod로만" } },
          { id: "dropped", label: { en: "Nowhere: they are dropped", ko: "아무 데도: 버려진다" } },
        ],
        answer: (o) => {
          const nodes = Object.keys(o.last?.perNode ?? {});
          return nodes.length === 0
            ? "dropped"
            : nodes.length === 1 && nodes[0] === "node-1"
              ? "local"
              : "both";
        },
        explain: {
          en: "{perPod}: every request stayed on node-1, with no hop ({hops}) and a median of {p50} ms. The pod on node-2 is still an endpoint; node-1 just doesn't use it for this Service any more.",
          ko: "{perPod}: 모든 요청이 node-1 안에 머물렀고, 홉은 {hops}개, 응답 시간 중앙값은 {p50} ms입니다. node-2의 Pod도 여전히 엔드포인트지만, node-1은 이 Service에 더는 그 Pod를 쓰지 않습니다.",
        },
        facts,
      },
      run: [toLocal, { wait: 2 }, { burst: { from: FROM_NODE_1, to: TARGET, count: 20 } }],
    },
    {
      text: {
        en: "`client-3` runs on node-3, where no MyApp pod runs. Follow its request.",
        ko: "`client-3`은 MyApp Pod가 없는 node-3에서 돌아갑니다. 이 Pod의 요청을 따라가 봅시다.",
      },
      highlight: ["pod:default/client-3", "node:node-3"],
      predict: {
        question: {
          en: "client-3 calls my-service. What happens?",
          ko: "client-3이 my-service를 호출합니다. 어떻게 될까요?",
        },
        choices: [
          { id: "served", label: { en: "A pod on another node answers", ko: "다른 노드의 Pod가 응답한다" } },
          { id: "refused", label: { en: "Connection refused, at once", ko: "즉시 연결이 거부된다" } },
          {
            id: "dropped",
            label: { en: "Dropped: client-3 times out", ko: "버려진다: client-3은 타임아웃된다" },
          },
        ],
        answer: byHeard({ answer: "served", refused: "refused", silence: "dropped" }),
        explain: {
          en: "node-3 has no local endpoint, and Local forbids the others: kube-proxy DROPs, as in lesson 9. Only a Service with no endpoints anywhere is REJECTed. So Local suits Services with a pod on **every** node, such as a node agent run by a DaemonSet.",
          ko: "node-3에는 로컬 엔드포인트가 없고, Local이라 다른 노드 것은 쓸 수 없으니 kube-proxy가 DROP합니다. 9강과 같습니다. REJECT는 어디에도 엔드포인트가 없는 Service에만 씁니다. 그래서 Local은 DaemonSet으로 띄우는 노드 에이전트처럼 **모든** 노드에 Pod가 있는 Service에 어울립니다.",
        },
      },
      run: [{ send: { from: FROM_NODE_3, to: TARGET }, narrate: true }],
    },
    {
      text: {
        en: "Keep Local, and give client-3 an endpoint of its own on node-3.",
        ko: "Local은 그대로 두고, client-3이 node-3에서 쓸 엔드포인트를 만들어 주세요.",
      },
      highlight: ["node:node-3", "pods:app=MyApp"],
      task: {
        goal: {
          en: "Scale `my-app` so that a MyApp pod runs on node-3, with `internalTrafficPolicy: Local` still set.",
          ko: "`internalTrafficPolicy: Local`은 둔 채로, `my-app`을 늘려 node-3에도 MyApp Pod가 뜨게 하세요.",
        },
        hint: {
          en: "The scheduler spreads replicas over nodes: a third one lands on node-3. Right-click a MyApp pod, or set `replicas: 3`. Then send from client-3 again.",
          ko: "스케줄러는 replicas를 노드에 고루 퍼뜨리니, 세 번째 Pod는 node-3에 놓입니다. MyApp Pod를 우클릭하거나 `replicas: 3`으로 바꾸세요. 그다음 client-3에서 다시 보내 보세요.",
        },
        solution: [toLocal, { scale: { deployment: "default/my-app", replicas: 3 } }],
        check: (v) =>
          !!v.cluster &&
          v.cluster.services.find((s) => s.name === SERVICE)?.internalTrafficPolicy === "Local" &&
          v.cluster.pods.some((p) => p.labels.app === "MyApp" && p.node === "node-3" && !p.terminating),
      },
    },
  ],
};
