// Lesson 12: ExternalName. The notes' externalname-svc -> google.com, and `db`, an alias for a Service
// in another namespace: DNS answers a CNAME, and whatever the name leads to does the rest.
import { podLabel } from "../../scene/ids";
import type { Lesson, Outcome } from "../types";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";

const CLIENT = "default/client";
const OUTSIDE_DB = "db.example.com";

const answers = (o: Outcome, name: string) => o.inspection?.dns.find((d) => d.name === name)?.answers ?? [];

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "Two Services of **type ExternalName**. `externalname-svc` points to `google.com`; `db` points to `postgres.data.svc.cluster.local`, the database Service of namespace `data`.\n\nNeither has a selector, a ClusterIP or endpoints, and kube-proxy ignores both.",
        ko: "**type ExternalName**인 Service가 둘 있습니다. `externalname-svc`는 `google.com`을, `db`는 `data` namespace의 데이터베이스 Service인 `postgres.data.svc.cluster.local`을 가리킵니다.\n\n둘 다 selector도 ClusterIP도 엔드포인트도 없고, kube-proxy는 둘 다 신경 쓰지 않습니다.",
      },
      highlight: ["svc:default/externalname-svc", "svc:default/db"],
    },
    {
      text: {
        en: "The `client` pod looks up `externalname-svc`, as `curl externalname-svc.default.svc.cluster.local` would first do.",
        ko: "`client` Pod가 `externalname-svc`를 조회합니다. `curl externalname-svc.default.svc.cluster.local`이 맨 먼저 하는 일과 같습니다.",
      },
      highlight: ["pod:default/client", "svc:default/externalname-svc"],
      predict: {
        question: {
          en: "What does the cluster DNS answer for externalname-svc?",
          ko: "클러스터 DNS는 externalname-svc에 대해 무엇을 답할까요?",
        },
        choices: [
          {
            id: "clusterIP",
            label: { en: "A ClusterIP, like any Service", ko: "여느 Service처럼 ClusterIP" },
          },
          { id: "cname", label: { en: "A CNAME: the name google.com", ko: "CNAME: google.com이라는 이름" } },
          {
            id: "proxied",
            label: { en: "Google's IPs, fetched by kube-proxy", ko: "kube-proxy가 알아 온 Google의 IP" },
          },
        ],
        answer: (o) =>
          answers(o, "externalname-svc").some((a) => a.startsWith("CNAME")) ? "cname" : "clusterIP",
        explain: {
          en: "DNS answered `{answer}`, an alias. The pod's resolver then looks up google.com like any outside name (Kube Hops has no internet, so it stops there) and connects to Google directly: no ClusterIP, no DNAT, no kube-proxy.",
          ko: "DNS의 답은 `{answer}`, 곧 별칭입니다. 그러면 Pod의 resolver가 google.com을 여느 바깥 이름처럼 다시 조회하고(Kube Hops에는 인터넷이 없어 여기서 멈춥니다), Google에 직접 접속합니다. ClusterIP도, DNAT도, kube-proxy도 없습니다.",
        },
        facts: (o) => ({ answer: answers(o, "externalname-svc").join(" ") || "–" }),
      },
      run: [{ inspect: CLIENT }],
    },
    {
      text: {
        en: "`db` leads somewhere Kube Hops can follow: a Service inside the cluster. The client sends 20 requests to `db:5432`.",
        ko: "`db`가 가리키는 곳은 Kube Hops도 따라갈 수 있는 클러스터 안의 Service입니다. client가 `db:5432`로 요청 20개를 보냅니다.",
      },
      highlight: ["pod:default/client", "svc:default/db", "svc:data/postgres"],
      predict: {
        question: { en: "Where do the requests go?", ko: "요청은 어디로 갈까요?" },
        choices: [
          {
            id: "pods",
            label: {
              en: "To the postgres pods in namespace data",
              ko: "data namespace의 postgres Pod로",
            },
          },
          {
            id: "refused",
            label: { en: "Refused: db has no endpoints", ko: "거부된다: db엔 엔드포인트가 없다" },
          },
          {
            id: "nowhere",
            label: {
              en: "Nowhere: ExternalName is for outside names",
              ko: "아무 데도: ExternalName은 바깥 이름용이다",
            },
          },
        ],
        answer: (o) =>
          Object.keys(o.last?.perPod ?? {}).some((p) => p.startsWith("data/"))
            ? "pods"
            : o.last?.results.refused || o.last?.results.rejected
              ? "refused"
              : "nowhere",
        explain: {
          en: "DNS answered {chain}: the CNAME, then postgres's ClusterIP. From there it is an ordinary ClusterIP, and kube-proxy spread the {total} requests over {perPod}. `db` itself has no rules and no endpoints: it is only a second name.",
          ko: "DNS의 답은 {chain}입니다. CNAME 다음에 postgres의 ClusterIP가 옵니다. 그다음부터는 평범한 ClusterIP라서, kube-proxy가 요청 {total}개를 {perPod}에 나눴습니다. `db` 자체에는 규칙도 엔드포인트도 없습니다. 이름이 하나 더 생겼을 뿐입니다.",
        },
        facts: (o) => ({
          chain: answers(o, "db").join(" → ") || "–",
          total: o.last?.requests ?? 0,
          perPod:
            Object.entries(o.last?.perPod ?? {})
              .map(([p, n]) => `${podLabel(p)} ${n}`)
              .join(", ") || "–",
        }),
      },
      run: [{ inspect: CLIENT }, { burst: { from: { pod: CLIENT }, to: "db:5432", count: 20 } }],
    },
    {
      text: {
        en: "The data team moves the database out of the cluster, to a managed service at `db.example.com`. The apps must keep calling `db:5432`, unchanged.",
        ko: "데이터 팀이 데이터베이스를 클러스터 밖의 관리형 서비스 `db.example.com`으로 옮깁니다. 앱은 지금처럼 `db:5432`를 그대로 불러야 합니다.",
      },
      highlight: ["svc:default/db"],
      task: {
        goal: {
          en: "Point the `db` alias at `db.example.com`. No app, pod or other Service changes.",
          ko: "`db` 별칭이 `db.example.com`을 가리키게 하세요. 앱도, Pod도, 다른 Service도 바꾸지 않습니다.",
        },
        hint: {
          en: "Only `spec.externalName` of `db` changes. Clients that look `db` up after that get the CNAME `db.example.com`.",
          ko: "`db`의 `spec.externalName`만 바꾸면 됩니다. 그 뒤로 `db`를 조회하는 클라이언트는 CNAME `db.example.com`을 받습니다.",
        },
        solution: [
          { edit: { kind: "Service", name: "db", path: ["spec", "externalName"], value: OUTSIDE_DB } },
        ],
        check: (v) =>
          !!v.cluster?.services.some(
            (s) =>
              s.name === "default/db" &&
              s.type === "ExternalName" &&
              s.externalName?.replace(/\.$/, "") === OUTSIDE_DB,
          ),
      },
    },
  ],
};
