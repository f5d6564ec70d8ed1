// Lesson 1: why Services. A frontend that calls a pod by its IP loses it as soon as the pod is replaced;
// the crane-http Service (the source notes' example, ClusterIP on 8080) keeps one address in front of
// whatever pods are alive.
import { podLabel } from "../../scene/ids";
import type { ClusterSummary } from "../../protocol/messages";
import { podWith } from "../runner";
import { byHeard } from "../outcome";
import type { Lesson, Outcome } from "../types";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";
import { placeId } from "../../protocol/placeId";

/** The crane pod on node-3 whose address is "written into the frontend's config" (fixed by the scenario). */
const OLD_IP = "10.244.3.2";
const SERVICE = "default/crane-http";
const FRONTEND = "pod:default/frontend";

const podAt = (ip: string) => (c: ClusterSummary) => c.pods.find((p) => p.ip === ip)?.name;
const clusterIP = (c: ClusterSummary) => c.services.find((s) => s.name === SERVICE)?.clusterIP ?? "?";
/** Crane pods that exist after the run and did not before: the ReplicaSet's replacements. */
const replacements = (o: Outcome) =>
  o.cluster.pods.filter((p) => p.labels.app === "crane" && !o.before.pods.some((b) => b.name === p.name));
/** The crane pod the run deleted: running before, terminating or gone after. */
const deleted = (o: Outcome) =>
  o.before.pods.find(
    (b) =>
      b.labels.app === "crane" &&
      !b.terminating &&
      !o.cluster.pods.some((p) => p.name === b.name && !p.terminating),
  )?.name;
const failed = (o: Outcome) => (o.last ? o.last.requests - o.last.results.delivered : 0);

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "Three `crane` pods run the same app, each at its own IP. The `frontend` pod calls that app, and someone wrote one pod's address into its config: `10.244.3.2:8080`.\n\nRun it: today, that works.",
        ko: "`crane` Pod 세 개가 같은 앱을 실행하고, 저마다 자기 IP를 가집니다. `frontend` Pod가 이 앱을 호출하는데, 누군가 설정 파일에 Pod 하나의 주소 `10.244.3.2:8080`을 적어 두었습니다.\n\n실행해 보세요. 지금은 잘 됩니다.",
      },
      highlight: [FRONTEND, "pods:app=crane"],
      run: [{ send: { from: FRONTEND, to: `${OLD_IP}:8080` } }],
    },
    {
      text: {
        en: "Pods don't live forever: a node is drained, an image is updated, a process crashes. Here the pod at `10.244.3.2` is deleted. Its ReplicaSet sees a pod missing and starts a new one.",
        ko: "Pod는 영원하지 않습니다. 노드를 비우기도 하고, 이미지를 바꾸기도 하고, 프로세스가 죽기도 합니다. 여기서는 `10.244.3.2`의 Pod를 지웁니다. ReplicaSet은 Pod 하나가 빈 것을 보고 새 Pod를 띄웁니다.",
      },
      highlight: ["pods:app=crane"],
      predict: {
        question: {
          en: "Does the new pod take over the old address, 10.244.3.2?",
          ko: "새 Pod가 예전 주소 10.244.3.2를 물려받을까요?",
        },
        choices: [
          { id: "same", label: { en: "Yes, it keeps the address", ko: "네, 주소를 물려받는다" } },
          { id: "new", label: { en: "No, it gets a new IP", ko: "아니요, 새 IP를 받는다" } },
        ],
        answer: (o) => (replacements(o).some((p) => p.ip === OLD_IP) ? "same" : "new"),
        explain: {
          en: "The replacement `{pod}` started on {node} with IP **{ip}**. A pod gets its IP when it starts, from its node's range; nothing is inherited from the pod it replaces.",
          ko: "새 Pod `{pod}`는 {node}에서 IP **{ip}**로 시작했습니다. Pod의 IP는 시작할 때 노드의 대역에서 새로 받습니다. 앞선 Pod에게서 물려받는 것은 없습니다.",
        },
        facts: (o) => {
          const p = replacements(o)[0];
          return { pod: p ? podLabel(p.name) : "?", node: p?.node ?? "?", ip: p?.ip ?? "?" };
        },
      },
      // Past the 30 s termination grace period, so the old pod is gone for good.
      run: [{ deletePod: podAt(OLD_IP) }, { wait: 35 }],
    },
    {
      text: {
        en: "The frontend's config still says `10.244.3.2:8080`, so it sends its request there, as always.",
        ko: "`frontend`의 설정에는 여전히 `10.244.3.2:8080`이 적혀 있으니, 늘 하던 대로 그곳에 요청을 보냅니다.",
      },
      highlight: [FRONTEND],
      predict: {
        question: { en: "What does the frontend get?", ko: "frontend는 어떤 결과를 받을까요?" },
        choices: [
          { id: "reply", label: { en: "A reply from the new pod", ko: "새 Pod가 응답한다" } },
          { id: "refused", label: { en: "Connection refused at once", ko: "곧바로 연결이 거부된다" } },
          { id: "timeout", label: { en: "No answer: it times out", ko: "응답이 없어 타임아웃된다" } },
        ],
        answer: byHeard({ answer: "reply", refused: "refused", silence: "timeout" }),
        explain: {
          en: "No pod has that address any more. The packet goes nowhere, and the frontend gives up after {seconds} s. An IP in a config file goes stale the moment its pod is replaced.",
          ko: "이제 그 주소를 가진 Pod가 없습니다. 패킷은 갈 곳을 잃고, `frontend`는 {seconds}초를 기다린 뒤 포기합니다. 설정 파일에 적은 IP는 Pod가 바뀌는 순간 쓸모없어집니다.",
        },
        facts: (o) => ({ seconds: o.last ? Math.round(o.last.end - o.last.start) : "?" }),
      },
      run: [{ send: { from: FRONTEND, to: `${OLD_IP}:8080` } }],
    },
    {
      text: {
        en: "That is what a **Service** is for. `crane-http` picks the pods labelled `app: crane` and gives them one address that stays: its ClusterIP, also known by the DNS name `crane-http`. Follow a request to it hop by hop.",
        ko: "이럴 때 쓰는 것이 **Service**입니다. `crane-http`는 `app: crane` label이 붙은 Pod를 골라 변하지 않는 주소 하나를 줍니다. 바로 ClusterIP이고, DNS 이름 `crane-http`로도 부를 수 있습니다. 이 주소로 가는 요청을 한 홉씩 따라가 보세요.",
      },
      highlight: [FRONTEND, placeId("svc", SERVICE)],
      run: [{ send: { from: FRONTEND, to: "crane-http:8080" }, narrate: true }],
      notice: {
        en: "The request left for the ClusterIP `{ip}`. kube-proxy on node-1 rewrote it (DNAT) to a live pod, `{pod}`. The frontend never needs a pod's IP.",
        ko: "요청은 ClusterIP `{ip}`로 출발했고, node-1의 kube-proxy가 목적지를 살아 있는 Pod `{pod}`로 바꿨습니다(DNAT). `frontend`는 Pod IP를 알 필요가 없습니다.",
      },
      noticeFacts: (o) => ({
        ip: clusterIP(o.cluster),
        pod: podLabel(Object.keys(o.last?.perPod ?? {})[0] ?? "?"),
      }),
    },
    {
      text: {
        en: "Now delete another crane pod and, straight away, send 30 requests to `crane-http:8080`.",
        ko: "이번에는 crane Pod 하나를 또 지우고, 곧바로 `crane-http:8080`으로 요청 30개를 보냅니다.",
      },
      highlight: [placeId("svc", SERVICE), "pods:app=crane"],
      predict: {
        question: { en: "How many of the 30 requests fail?", ko: "요청 30개 중 몇 개가 실패할까요?" },
        choices: [
          { id: "none", label: { en: "None", ko: "하나도 없다" } },
          { id: "few", label: { en: "A few, while the pod is replaced", ko: "Pod가 바뀌는 동안 몇 개" } },
          { id: "third", label: { en: "About a third", ko: "대략 3분의 1" } },
        ],
        answer: (o) => {
          const share = failed(o) / Math.max(1, o.last?.requests ?? 1);
          return share === 0 ? "none" : share < 0.2 ? "few" : "third";
        },
        explain: {
          en: "{failed} of {total} failed. kube-proxy applies changes about a second late, so the deleted pod `{pod}` still got {n}; but a terminating pod keeps serving through its 30 s grace period. Once kube-proxy syncs, new connections go only to live pods.",
          ko: "{total}개 중 {failed}개가 실패했습니다. kube-proxy가 변경을 1초쯤 늦게 반영해서 지운 Pod `{pod}`도 {n}개를 받았지만, 종료 중인 Pod는 유예 기간(30초) 동안 계속 응답합니다. 반영이 끝나면 새 연결은 살아 있는 Pod로만 갑니다.",
        },
        facts: (o) => {
          const gone = deleted(o);
          return {
            failed: failed(o),
            total: o.last?.requests ?? 0,
            pod: gone ? podLabel(gone) : "?",
            n: gone ? (o.last?.perPod[gone] ?? 0) : 0,
          };
        },
      },
      run: [
        { deletePod: podWith({ app: "crane" }) },
        { burst: { from: FRONTEND, to: "crane-http:8080", count: 30 } },
      ],
      notice: {
        en: "The Service's address is still `{ip}`: pods come and go behind it.",
        ko: "Service의 주소는 여전히 `{ip}`입니다. Pod는 그 뒤에서 오고 갈 뿐입니다.",
      },
      noticeFacts: (o) => ({ ip: clusterIP(o.cluster) }),
    },
    {
      text: {
        en: "A Service doesn't care how many pods stand behind it. Add more, and its address stays while its endpoints grow.",
        ko: "Service는 뒤에 Pod가 몇 개인지 신경 쓰지 않습니다. Pod를 늘려도 주소는 그대로이고 endpoint만 늘어납니다.",
      },
      highlight: [placeId("svc", SERVICE)],
      task: {
        goal: {
          en: "Scale the `crane` Deployment to 4 replicas (in the YAML tab, or let “Show me” do it).",
          ko: "`crane` Deployment를 replica 4개로 늘리세요(YAML 탭에서 직접, 또는 “보여 주기”로).",
        },
        hint: {
          en: "Set `replicas: 4` under the Deployment's `spec`. Then send a burst to `crane-http:8080` and watch four pods answer.",
          ko: "Deployment의 `spec` 아래에 `replicas: 4`를 쓰세요. 그런 다음 `crane-http:8080`으로 요청을 여러 개 보내, 네 Pod가 모두 응답하는지 보세요.",
        },
        solution: [{ edit: { kind: "Deployment", name: "crane", path: ["spec", "replicas"], value: 4 } }],
        check: (v) =>
          (v.cluster?.pods.filter((p) => p.labels.app === "crane" && !p.terminating).length ?? 0) >= 4,
      },
    },
  ],
};
