// Lesson 3: ClusterIP and kube-proxy's random choice. my-service (the source notes' 80 -> 9376) has a
// virtual IP that only kube-proxy's rules give meaning to; each new connection picks an endpoint at
// random, so many requests spread about evenly per pod (not per node, and not in strict turns).
import { podLabel } from "../../scene/ids";
import type { Lesson, Outcome } from "../types";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";
import { placeId } from "../../protocol/placeId";

const SERVICE = "default/my-service";
const CLIENT = "pod:default/client";
const VIP = "10.100.100.100:80";

const perPod = (o: Outcome) =>
  Object.entries(o.last?.perPod ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([p, n]) => `${podLabel(p)} ${n}`)
    .join(", ") || "?";
/** The app's pod that is alone on its node (node-1, beside the client, in this scenario). */
const lonePod = (o: Outcome) => {
  const app = o.cluster.pods.filter((p) => p.labels.app === "MyApp" && !p.terminating);
  return app.find((p) => app.filter((q) => q.node === p.node).length === 1);
};

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "`my-service` has the ClusterIP **10.100.100.100**, written by hand in `spec.clusterIP` (usually it is left out and picked from 10.96.0.0/12). No network card holds this address: kube-proxy on every node writes rules that catch it and rewrite it to a pod.\n\nFollow one request from `client`.",
        ko: "`my-service`의 ClusterIP는 **10.100.100.100**입니다. `spec.clusterIP`에 직접 적었지요(보통은 비워 두고 10.96.0.0/12에서 자동으로 받습니다). 이 주소를 가진 네트워크 카드는 어디에도 없습니다. 모든 노드의 kube-proxy가 이 주소를 잡아 Pod 주소로 바꾸는 규칙을 써 둘 뿐입니다.\n\n`client`에서 보낸 요청 하나를 따라가 보세요.",
      },
      highlight: [placeId("svc", SERVICE), CLIENT],
      run: [{ send: { from: CLIENT, to: VIP }, narrate: true }],
      notice: {
        en: "The packet never visited the Service: kube-proxy's rules on node-1, the client's own node, rewrote `10.100.100.100:80` to `{pod}` on its `targetPort`, 9376. The `port` (80) is what clients use; the `targetPort` is where the app listens.",
        ko: "패킷은 Service를 거치지 않았습니다. client가 있는 node-1의 kube-proxy 규칙이 `10.100.100.100:80`을 `{pod}`의 `targetPort` 9376으로 바꿨을 뿐입니다. `port`(80)는 클라이언트가 쓰는 번호이고, `targetPort`는 앱이 듣고 있는 번호입니다.",
      },
      noticeFacts: (o) => ({ pod: podLabel(Object.keys(o.last?.perPod ?? {})[0] ?? "?") }),
    },
    {
      text: {
        en: "Three pods stand behind the Service. The client sends 99 requests, each on a new connection, like `curl` does.",
        ko: "Service 뒤에는 Pod가 세 개 있습니다. client가 `curl`처럼 요청마다 새 연결을 맺어 요청 99개를 보냅니다.",
      },
      highlight: ["pods:app=MyApp"],
      predict: {
        question: {
          en: "How does kube-proxy share the 99 requests?",
          ko: "kube-proxy는 요청 99개를 어떻게 나눌까요?",
        },
        choices: [
          { id: "turns", label: { en: "In turns: exactly 33 each", ko: "차례대로: 정확히 33개씩" } },
          { id: "random", label: { en: "About 33 each, not exactly", ko: "대략 33개씩, 딱 맞지는 않게" } },
          { id: "one", label: { en: "All to one pod", ko: "전부 한 Pod로" } },
        ],
        answer: (o) => {
          const counts = Object.values(o.last?.perPod ?? {});
          if (counts.length <= 1) return "one";
          return Math.max(...counts) - Math.min(...counts) <= 1 ? "turns" : "random";
        },
        explain: {
          en: "{perPod}. In iptables mode, kube-proxy doesn't take turns: each new connection rolls the dice. The first rule matches with probability 1/3, the next with 1/2 of the rest, and the last takes what is left, so each pod gets 1/3 on average.",
          ko: "{perPod}. iptables 모드의 kube-proxy는 차례를 지키지 않습니다. 새 연결마다 주사위를 굴리지요. 첫 규칙은 1/3 확률로, 다음 규칙은 남은 것의 1/2 확률로 걸리고, 마지막 규칙이 나머지를 모두 받습니다. 그래서 평균적으로 Pod마다 1/3씩 돌아갑니다.",
        },
        facts: (o) => ({ perPod: perPod(o) }),
      },
      run: [{ burst: { from: CLIENT, to: VIP, count: 99 } }],
    },
    {
      text: {
        en: "One pod runs alone on node-1, right beside the client; the other two share node-2. Send 100 requests again.",
        ko: "Pod 하나는 node-1에서 client 바로 옆에 홀로 있고, 나머지 둘은 node-2에 함께 있습니다. 다시 요청 100개를 보냅니다.",
      },
      highlight: ["node:node-1", "node:node-2", "pods:app=MyApp"],
      predict: {
        question: {
          en: "Of 100 requests, about how many reach the lone pod on node-1?",
          ko: "요청 100개 중 node-1에 홀로 있는 Pod에는 대략 몇 개가 갈까요?",
        },
        choices: [
          { id: "all", label: { en: "All 100: it is the closest", ko: "100개 전부: 가장 가깝다" } },
          { id: "half", label: { en: "About 50: half per node", ko: "약 50개: 노드마다 절반" } },
          { id: "third", label: { en: "About 33: a third per pod", ko: "약 33개: Pod마다 3분의 1" } },
        ],
        answer: (o) => {
          const lone = lonePod(o);
          const share = (lone ? (o.last?.perPod[lone.name] ?? 0) : 0) / Math.max(1, o.last?.requests ?? 1);
          return share > 0.9 ? "all" : share > 5 / 12 ? "half" : "third";
        },
        explain: {
          en: "{n} of {total} reached `{pod}`, and {extra} crossed to node-2. kube-proxy counts pods, not nodes, and being close earns nothing: every endpoint of a ClusterIP is equally likely, wherever it runs.",
          ko: "{total}개 중 {n}개가 `{pod}`에 도착했고, {extra}개는 node-2로 건너갔습니다. kube-proxy는 노드가 아니라 Pod를 셉니다. 가깝다고 더 받지도 않습니다. ClusterIP의 endpoint는 어디서 실행되든 모두 같은 확률로 뽑힙니다.",
        },
        facts: (o) => {
          const lone = lonePod(o);
          return {
            n: lone ? (o.last?.perPod[lone.name] ?? 0) : 0,
            total: o.last?.requests ?? 0,
            pod: lone ? podLabel(lone.name) : "?",
            extra: o.last?.extraHops ?? 0,
          };
        },
      },
      run: [{ burst: { from: CLIENT, to: VIP, count: 100 } }],
    },
    {
      text: {
        en: "The odds follow the number of endpoints. When the endpoints change, kube-proxy rewrites its rules with new probabilities: with two pods, the first rule matches half the time and the second takes the rest.",
        ko: "확률은 endpoint 수를 따라갑니다. endpoint가 바뀌면 kube-proxy가 새 확률로 규칙을 다시 씁니다. Pod가 둘이면 첫 규칙이 절반을 받고, 두 번째 규칙이 나머지를 받습니다.",
      },
      highlight: [placeId("svc", SERVICE), "pods:app=MyApp"],
      task: {
        goal: {
          en: "Scale `my-app` down to 2 replicas, then send a burst to `10.100.100.100:80` and compare the pods' counters.",
          ko: "`my-app`을 replica 2개로 줄인 뒤, `10.100.100.100:80`으로 요청을 여러 개 보내 Pod의 카운터를 비교해 보세요.",
        },
        hint: {
          en: "In the YAML tab, set `replicas: 2` in the Deployment's `spec`. The Inspector shows my-service's chains with their `--probability`.",
          ko: "YAML 탭에서 Deployment의 `spec`에 `replicas: 2`를 쓰세요. Inspector에서 my-service의 체인과 `--probability` 값을 볼 수 있습니다.",
        },
        solution: [{ edit: { kind: "Deployment", name: "my-app", path: ["spec", "replicas"], value: 2 } }],
        check: (v) => v.cluster?.pods.filter((p) => p.labels.app === "MyApp" && !p.terminating).length === 2,
      },
    },
  ],
};
