// Lesson 11: headless Services. The notes' headless-service (clusterIP: None) beside an ordinary
// ClusterIP Service over the same webui pods: what DNS answers, who picks the pod, and how the answer
// follows the ready endpoints when a pod goes away.
import { podLabel } from "../../scene/ids";
import type { ClusterSummary } from "../../protocol/messages";
import { podWith } from "../runner";
import type { Lesson, Outcome } from "../types";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";

const CLIENT = "default/client";
const HEADLESS = "headless-service";

/** What the client's resolver answered for a Service's short name, in the last inspection. */
const answers = (o: Outcome, name: string) => o.inspection?.dns.find((d) => d.name === name)?.answers ?? [];
const podIPs = (c: ClusterSummary) =>
  c.pods.filter((p) => p.labels.app === "webui" && p.ip).map((p) => p.ip as string);
/** A pod's own DNS name, as `pod-ip-address.namespace.pod.cluster.local`. */
const podDNSName = (ip: string) => `${ip.replaceAll(".", "-")}.default.pod.cluster.local`;

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "Two Services select the same three `webui` pods. `clusterip-service` is ordinary. `headless-service` says `clusterIP: None`: it gets **no** virtual IP, so kube-proxy writes no rules for it.",
        ko: "두 Service가 같은 `webui` Pod 셋을 고릅니다. `clusterip-service`는 평범한 Service입니다. `headless-service`에는 `clusterIP: None`이 있어 가상 IP가 **없고**, 그래서 kube-proxy도 이 Service에는 규칙을 만들지 않습니다.",
      },
      highlight: ["svc:default/headless-service", "svc:default/clusterip-service", "pods:app=webui"],
    },
    {
      text: {
        en: "The `client` pod asks the cluster DNS for both names, as `nslookup` would.",
        ko: "`client` Pod가 `nslookup`을 하듯 클러스터 DNS에 두 이름을 물어봅니다.",
      },
      highlight: ["pod:default/client", "svc:default/headless-service"],
      predict: {
        question: {
          en: "What does DNS answer for headless-service?",
          ko: "headless-service에 대해 DNS는 무엇을 답할까요?",
        },
        choices: [
          {
            id: "one",
            label: { en: "One address, like clusterip-service", ko: "clusterip-service처럼 주소 하나" },
          },
          { id: "pods", label: { en: "The three pods' own IPs", ko: "Pod 셋의 IP" } },
          { id: "none", label: { en: "Nothing: it has no IP", ko: "아무것도: IP가 없으니까" } },
        ],
        answer: (o) => {
          const a = answers(o, HEADLESS);
          const pods = podIPs(o.cluster);
          return a.length === 0
            ? "none"
            : a.length > 1 && a.every((ip) => pods.includes(ip))
              ? "pods"
              : "one";
        },
        explain: {
          en: "`headless-service` → {headless}: one A record per ready webui pod. `clusterip-service` → {clusterIP}, the one virtual IP. Each pod also has a name of its own, like `{podName}`.",
          ko: "`headless-service` → {headless}: 준비된 webui Pod마다 A 레코드가 하나씩입니다. `clusterip-service` → {clusterIP}, 가상 IP 하나입니다. Pod마다 `{podName}` 같은 자기 이름도 있습니다.",
        },
        facts: (o) => {
          const a = answers(o, HEADLESS);
          return {
            headless: a.join(", ") || "–",
            clusterIP: answers(o, "clusterip-service").join(", ") || "–",
            podName: podDNSName(a[0] ?? "10.244.0.1"),
          };
        },
      },
      run: [{ inspect: CLIENT }],
    },
    {
      text: {
        en: "Now `client` sends one request to `headless-service:80`. Follow the packet and look for the DNAT you saw with every ClusterIP.",
        ko: "이제 `client`가 `headless-service:80`으로 요청 하나를 보냅니다. 패킷을 따라가며, ClusterIP마다 보았던 DNAT가 있는지 찾아보세요.",
      },
      highlight: ["pod:default/client", "pods:app=webui"],
      predict: {
        question: {
          en: "Who picks the webui pod that answers?",
          ko: "응답할 webui Pod는 누가 고를까요?",
        },
        choices: [
          {
            id: "proxy",
            label: {
              en: "kube-proxy, at random, as for a ClusterIP",
              ko: "ClusterIP처럼 kube-proxy가 무작위로",
            },
          },
          {
            id: "client",
            label: {
              en: "The client: it dials an address DNS gave it",
              ko: "클라이언트가: DNS가 준 주소로 직접 건다",
            },
          },
        ],
        answer: (o) => {
          const served = Object.keys(o.last?.perPod ?? {})[0];
          const ip = o.cluster.pods.find((p) => p.name === served)?.ip;
          return ip && answers(o, HEADLESS).includes(ip) ? "client" : "proxy";
        },
        explain: {
          en: "The packet left for {ip}, the pod {pod} itself, and arrived unchanged: no DNAT, because there are no Service rules to match. Spreading connections over the pods is now up to the client and the order of the DNS answers.",
          ko: "패킷은 처음부터 Pod {pod}의 주소 {ip}로 떠나 바뀌지 않고 도착했습니다. 일치할 Service 규칙이 없으니 DNAT도 없습니다. 이제 연결을 Pod들에 나누는 일은 클라이언트와 DNS 응답의 순서에 달려 있습니다.",
        },
        facts: (o) => {
          const served = Object.keys(o.last?.perPod ?? {})[0] ?? "?";
          return { pod: podLabel(served), ip: o.cluster.pods.find((p) => p.name === served)?.ip ?? "?" };
        },
      },
      run: [{ inspect: CLIENT }, { send: { from: { pod: CLIENT }, to: `${HEADLESS}:80` }, narrate: true }],
    },
    {
      text: {
        en: "The webui pod on node-2 is deleted. Its ReplicaSet starts a replacement at once, which needs a couple of seconds to become ready.",
        ko: "node-2의 webui Pod를 지웁니다. ReplicaSet이 곧바로 대신할 Pod를 띄우지만, 준비되기까지 2초쯤 걸립니다.",
      },
      highlight: ["pods:app=webui", "svc:default/headless-service"],
      predict: {
        question: {
          en: "Right after the deletion, what does DNS answer for headless-service?",
          ko: "삭제 직후 DNS는 headless-service에 대해 무엇을 답할까요?",
        },
        choices: [
          { id: "old", label: { en: "Still the same three IPs", ko: "여전히 같은 IP 셋" } },
          { id: "two", label: { en: "Two IPs", ko: "IP 둘" } },
          { id: "new", label: { en: "Three, the replacement's included", ko: "새 Pod를 포함한 IP 셋" } },
        ],
        answer: (o) => {
          const a = answers(o, HEADLESS);
          const before = podIPs(o.before);
          return a.some((ip) => !before.includes(ip)) ? "new" : a.length < before.length ? "two" : "old";
        },
        explain: {
          en: "DNS gave {answers}. The terminating pod left the ready endpoints at once, and the replacement ({replacement}) isn't ready yet. A client that cached the old answer (TTL 30 s) may still dial the gone pod: with headless, that is the client's problem.",
          ko: "DNS의 답은 {answers}입니다. 종료 중인 Pod는 곧바로 준비된 엔드포인트에서 빠졌고, 대신할 Pod({replacement})는 아직 준비되지 않았습니다. 예전 답을 캐시한 클라이언트(TTL 30초)는 사라진 Pod로 접속할 수도 있습니다. headless에서는 그것도 클라이언트가 감당할 몫입니다.",
        },
        facts: (o) => {
          const before = new Set(o.before.pods.map((p) => p.name));
          const fresh = o.cluster.pods.find((p) => p.labels.app === "webui" && !before.has(p.name));
          return {
            answers: answers(o, HEADLESS).join(", ") || "–",
            replacement: fresh ? podLabel(fresh.name) : "?",
          };
        },
      },
      run: [{ deletePod: podWith({ app: "webui" }, { node: "node-2" }) }, { inspect: CLIENT }],
    },
    {
      text: {
        en: "Headless Services are how stateful apps (databases, StatefulSets) let clients find every member, not just any one.",
        ko: "headless Service는 데이터베이스나 StatefulSet 같은 상태 있는 앱이 아무 멤버 하나가 아니라 멤버 전부를 찾게 해 주는 방법입니다.",
      },
      highlight: ["pods:app=webui"],
      task: {
        goal: {
          en: "Write a headless Service of your own: `webui-direct`, selecting `app: webui` on port 80, with `clusterIP: None`.",
          ko: "headless Service를 직접 써 보세요. 이름은 `webui-direct`, `app: webui`를 고르고 port는 80, 그리고 `clusterIP: None`입니다.",
        },
        hint: {
          en: "In the YAML tab, copy `headless-service` below a `---` line and rename it. Then click the client pod: the Inspector lists the DNS answer for your Service too.",
          ko: "YAML 탭에서 `---` 줄 아래에 `headless-service`를 복사하고 이름을 바꾸세요. 그다음 client Pod를 누르면 Inspector에 새 Service의 DNS 응답도 나옵니다.",
        },
        solution: [
          {
            yaml: (text) =>
              `${text.trimEnd()}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: webui-direct\nspec:\n  clusterIP: None\n  selector:\n    app: webui\n  ports:\n    - port: 80\n`,
          },
        ],
        check: (v) =>
          !!v.cluster?.services.some(
            (s) => s.name === "default/webui-direct" && s.clusterIP === "None" && s.selector?.app === "webui",
          ),
      },
    },
  ],
};
