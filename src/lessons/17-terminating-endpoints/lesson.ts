// Lesson 17: graceful deletion seen from the Service. A terminating pod's endpoint is not ready but still
// serving: kube-proxy sends it no new connections when a ready endpoint exists, falls back to it when none
// does, and its open connections carry on for the termination grace period. A pod killed at once (a
// grace period of 0 s) shows the difference. Built on the source notes' crane-nodeport (30123).
import { podLabel } from "../../scene/ids";
import type { ClusterSummary } from "../../protocol/messages";
import { podWith } from "../runner";
import type { Lesson, LessonAction, Outcome } from "../types";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";

const NODEPORT = "192.168.49.2:30123";
const lonePod = podWith({ app: "crane" });

/** 20 new connections a second for 10 s; the pod is deleted 2 s in; the clock runs past every timeout. */
const deleteUnderLoad: LessonAction[] = [
  { rate: { from: "client:laptop", to: NODEPORT, perSecond: 20, seconds: 10 } },
  { wait: 2 },
  { deletePod: lonePod },
  { wait: 14 },
];

/** The ClusterConfig with a termination grace period of 0 s: pods stop the moment they are deleted. */
const withoutGrace = (text: string): string =>
  /terminationGracePeriod:/.test(text)
    ? text.replace(/terminationGracePeriod:\s*\S+/, "terminationGracePeriod: 0s")
    : text.replace(/^ {2}clients:/m, "  timing:\n    terminationGracePeriod: 0s\n  clients:");

const crane = (c: ClusterSummary) => c.pods.filter((p) => p.labels.app === "crane");

/** The pod that served before the run (and was deleted in it), and the one that replaced it. */
function oldAndNew(o: Outcome) {
  const old = crane(o.before).find((p) => !p.terminating);
  const fresh = crane(o.cluster).find(
    (p) => !p.terminating && !crane(o.before).some((q) => q.name === p.name),
  );
  const to = (name?: string) => (name ? (o.last?.perPod[name] ?? 0) : 0);
  const total = o.last?.requests ?? 0;
  return {
    old: old ? podLabel(old.name) : "?",
    fresh: fresh ? podLabel(fresh.name) : "?",
    oldN: to(old?.name),
    newN: to(fresh?.name),
    total,
    failed: total - (o.last?.results.delivered ?? 0),
    timeouts: o.last?.results.timeout ?? 0,
    rejected: (o.last?.results.rejected ?? 0) + (o.last?.results.refused ?? 0),
  };
}

const failedShare = (o: Outcome): number => oldAndNew(o).failed / Math.max(1, oldAndNew(o).total);

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "`kubectl delete pod` does not pull a plug. The pod turns **terminating**: its endpoint becomes `ready: false` but `serving: true`, kube-proxy stops giving it new connections, and the pod has up to **30 s** (its grace period) to finish what is open. Its ReplicaSet starts a replacement at once.",
        ko: "`kubectl delete pod`는 플러그를 뽑는 일이 아닙니다. Pod는 **terminating** 상태가 됩니다. 엔드포인트는 `ready: false`지만 `serving: true`가 되고, kube-proxy는 더 이상 새 연결을 주지 않으며, Pod는 열린 일을 마무리할 시간을 최대 **30초**(유예 기간) 받습니다. ReplicaSet은 곧바로 대신할 Pod를 띄웁니다.",
      },
      highlight: ["pods:app=crane", "svc:default/crane-nodeport"],
    },
    {
      text: {
        en: "crane has a **single** pod. The laptop sends 20 requests a second; 2 s in, the pod is deleted. Its replacement takes about 2 s to become Ready.",
        ko: "crane Pod는 **하나**뿐입니다. 노트북이 초당 20개씩 요청을 보내고, 2초 뒤 그 Pod가 지워집니다. 대신할 Pod가 Ready가 되기까지는 2초쯤 걸립니다.",
      },
      highlight: ["pods:app=crane", "client:laptop"],
      predict: {
        question: {
          en: "How many of the 200 requests fail?",
          ko: "요청 200개 중 몇 개가 실패할까요?",
        },
        choices: [
          { id: "none", label: { en: "None", ko: "하나도 없다" } },
          { id: "gap", label: { en: "About 2 seconds' worth", ko: "2초 분량쯤" } },
          { id: "rest", label: { en: "Everything after the deletion", ko: "지운 뒤로는 전부" } },
        ],
        answer: (o) => (failedShare(o) === 0 ? "none" : failedShare(o) < 0.5 ? "gap" : "rest"),
        explain: {
          en: "{failed} of {total} failed. With no ready endpoint, kube-proxy falls back to endpoints that are still **serving**, terminating or not: {old} answered {oldN} requests, then {fresh} took {newN} once Ready.",
          ko: "{total}개 중 {failed}개가 실패했습니다. 준비된(ready) 엔드포인트가 없으면 kube-proxy는 terminating이어도 아직 **serving**인 엔드포인트를 씁니다. {old}가 {oldN}개에 응답했고, Ready가 된 {fresh}가 {newN}개를 이어받았습니다.",
        },
        facts: oldAndNew,
      },
      run: deleteUnderLoad,
    },
    {
      text: {
        en: "A browser keeps **one keep-alive connection** open and sends 10 requests a second over it. 2 s in, the pod it talks to is deleted.",
        ko: "브라우저가 **keep-alive 연결 하나**를 열어 두고 그 위로 초당 10개씩 요청을 보냅니다. 2초 뒤, 브라우저와 통신하던 Pod가 지워집니다.",
      },
      highlight: ["pods:app=crane", "client:laptop"],
      predict: {
        question: {
          en: "Over the next 30 s, who answers the browser?",
          ko: "그 뒤 30초 동안 브라우저에 누가 응답할까요?",
        },
        choices: [
          { id: "old", label: { en: "The old pod, on the same connection", ko: "옛 Pod가 같은 연결로" } },
          { id: "new", label: { en: "The new pod, once Ready", ko: "Ready가 된 새 Pod" } },
          { id: "broken", label: { en: "Nobody: the connection breaks", ko: "아무도: 연결이 끊긴다" } },
        ],
        answer: (o) => {
          const f = oldAndNew(o);
          return failedShare(o) > 0.5 ? "broken" : f.oldN > f.newN ? "old" : "new";
        },
        explain: {
          en: "{old} answered {oldN} of {total} on the open connection, through its 30 s grace period; new connections would already have gone elsewhere. When it exited, the browser reconnected and {fresh} answered {newN}. Failed: {failed}.",
          ko: "{old}가 열린 연결로 {total}개 중 {oldN}개에 30초 유예 기간 내내 응답했습니다. 새 연결이었다면 이미 다른 곳으로 갔을 것입니다. Pod가 끝나자 브라우저가 다시 연결했고 {fresh}가 {newN}개에 응답했습니다. 실패는 {failed}개입니다.",
        },
        facts: oldAndNew,
      },
      run: [
        {
          rate: { from: "client:laptop", to: NODEPORT, perSecond: 10, seconds: 40, connection: "keepalive" },
        },
        { wait: 2 },
        { deletePod: lonePod },
        { wait: 44 },
      ],
    },
    {
      text: {
        en: "What if the pod stopped the moment it was deleted? Here the grace period is a cluster setting (`timing.terminationGracePeriod` in the ClusterConfig; in Kubernetes it is the pod's `terminationGracePeriodSeconds`). Set it to 0 s and delete under load again.",
        ko: "지우는 순간 Pod가 멈춘다면 어떨까요? 이 플레이그라운드에서는 유예 기간이 클러스터 설정입니다(ClusterConfig의 `timing.terminationGracePeriod`, 쿠버네티스에서는 Pod의 `terminationGracePeriodSeconds`). 0초로 두고 다시 부하 중에 지웁니다.",
      },
      highlight: ["pods:app=crane", "svc:default/crane-nodeport"],
      predict: {
        question: {
          en: "With no grace period, how many of the 200 requests fail?",
          ko: "유예 기간이 없으면 요청 200개 중 몇 개가 실패할까요?",
        },
        choices: [
          { id: "none", label: { en: "None, as before", ko: "아까처럼 하나도 없다" } },
          { id: "gap", label: { en: "A few seconds' worth", ko: "몇 초 분량" } },
          { id: "rest", label: { en: "Everything after the deletion", ko: "지운 뒤로는 전부" } },
        ],
        answer: (o) => (failedShare(o) === 0 ? "none" : failedShare(o) < 0.5 ? "gap" : "rest"),
        explain: {
          en: "{failed} of {total} failed: {timeouts} timed out, sent to the vanished pod during kube-proxy's 1 s sync, and {rejected} were refused while the Service had no endpoint at all, until {fresh} was Ready.",
          ko: "{total}개 중 {failed}개가 실패했습니다. {timeouts}개는 kube-proxy가 1초 만에 규칙을 고치기 전에 사라진 Pod로 가서 타임아웃되었고, {rejected}개는 {fresh}가 Ready가 될 때까지 엔드포인트가 하나도 없어 거부되었습니다.",
        },
        facts: oldAndNew,
      },
      run: [{ yaml: withoutGrace }, ...deleteUnderLoad],
    },
    {
      text: {
        en: "Graceful deletion covers a planned rollout. A crash, a force delete or a dead node gets no such care: then only a second replica keeps the Service answering.",
        ko: "우아한 삭제는 계획된 롤아웃을 지켜 줍니다. 하지만 크래시, 강제 삭제, 죽은 노드에는 그런 배려가 없습니다. 그럴 때 Service가 계속 응답하게 하는 것은 두 번째 레플리카뿐입니다.",
      },
      highlight: ["pods:app=crane"],
      task: {
        goal: {
          en: "Give the crane Deployment a second replica, so one pod always serves while the other goes.",
          ko: "crane Deployment에 레플리카를 하나 더 주어, 한 Pod가 떠나도 다른 Pod가 늘 응답하게 하세요.",
        },
        hint: {
          en: "Set `replicas: 2` under the Deployment's `spec` (or right-click the Deployment's pod → Scale). Then delete a pod under steady traffic and watch the result line.",
          ko: "Deployment의 `spec` 아래에 `replicas: 2`를 쓰세요(또는 Pod를 오른쪽 클릭해 Scale). 그다음 꾸준한 트래픽을 흘리며 Pod를 지우고 결과 줄을 보세요.",
        },
        solution: [{ edit: { kind: "Deployment", name: "crane", path: ["spec", "replicas"], value: 2 } }],
        check: (v) => !!v.cluster && crane(v.cluster).filter((p) => p.ready && !p.terminating).length >= 2,
      },
    },
  ],
};
