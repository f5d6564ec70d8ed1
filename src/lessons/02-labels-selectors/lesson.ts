// Lesson 2: labels and selectors. webui-svc (the source notes' example) finds its pods by label only: a
// pod made by hand joins, a relabelled pod leaves, and a selector that matches nothing leaves the
// Service with no endpoints, so kube-proxy rejects its connections.
import type { Lesson, LessonView, Outcome } from "../types";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";
import { placeId } from "../../protocol/placeId";

const SERVICE = "default/webui-svc";
const CLIENT = "pod:default/client";
const TEST_POD = "default/nginx-test";
const burst = (count: number) => ({ burst: { from: CLIENT, to: "webui-svc:80", count } });

/** The Service's ready endpoints, as the EndpointSlice controller wrote them. */
const ready = (v: LessonView) => (v.sim?.endpoints[SERVICE] ?? []).filter((e) => e.ready);
const toTestPod = (o: Outcome) => o.last?.perPod[TEST_POD] ?? 0;
const refused = (o: Outcome) => (o.last ? o.last.results.rejected + o.last.results.refused : 0);

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "`webui-svc` doesn't list its pods by name. It has a **selector**, `app: webui`, and the EndpointSlice controller keeps its endpoints up to date: every ready pod whose labels match.\n\nThree pods come from the `webui` Deployment. A fourth, `nginx-test`, was started by hand, with the same label.",
        ko: "`webui-svc`는 Pod를 이름으로 나열하지 않습니다. 대신 **selector** `app: webui`가 있고, EndpointSlice 컨트롤러가 label이 맞는 Ready 상태의 Pod를 모두 찾아 endpoint를 최신으로 유지합니다.\n\nPod 세 개는 `webui` Deployment가 만들었고, 네 번째 `nginx-test`는 누군가 같은 label을 붙여 손으로 띄웠습니다.",
      },
      highlight: [placeId("svc", SERVICE), "pods:app=webui"],
    },
    {
      text: {
        en: "The client sends 60 requests to `webui-svc:80`. Watch the counter on `nginx-test`.",
        ko: "client가 `webui-svc:80`으로 요청 60개를 보냅니다. `nginx-test`의 카운터를 지켜보세요.",
      },
      highlight: [placeId("pod", TEST_POD)],
      predict: {
        question: {
          en: "nginx-test is not part of the Deployment. Does it get any of the requests?",
          ko: "nginx-test는 Deployment 소속이 아닙니다. 이 Pod도 요청을 받을까요?",
        },
        choices: [
          {
            id: "none",
            label: { en: "No: it isn't in the Deployment", ko: "아니요, Deployment 소속이 아니다" },
          },
          { id: "share", label: { en: "Yes, about a quarter", ko: "네, 대략 4분의 1" } },
        ],
        answer: (o) => (toTestPod(o) > 0 ? "share" : "none"),
        explain: {
          en: "`nginx-test` answered {n} of {total}. A Service never asks who created a pod: {count} pods carry `app: webui`, so it has {count} endpoints.",
          ko: "`nginx-test`가 {total}개 중 {n}개에 응답했습니다. Service는 Pod를 누가 만들었는지 묻지 않습니다. `app: webui` label을 단 Pod가 {count}개이니 endpoint도 {count}개입니다.",
        },
        facts: (o) => ({ n: toTestPod(o), total: o.last?.requests ?? 0, count: ready(o).length }),
      },
      run: [burst(60)],
    },
    {
      text: {
        en: "Now relabel `nginx-test` to `app: debug`, as you would to pull a misbehaving pod out of traffic, then send 60 more requests.",
        ko: "이번에는 `nginx-test`의 label을 `app: debug`로 바꿉니다. 말썽인 Pod를 트래픽에서 빼낼 때 흔히 쓰는 방법입니다. 그런 다음 요청 60개를 더 보냅니다.",
      },
      highlight: [placeId("pod", TEST_POD), placeId("svc", SERVICE)],
      predict: {
        question: { en: "What becomes of nginx-test?", ko: "nginx-test는 어떻게 될까요?" },
        choices: [
          { id: "still", label: { en: "It still gets its share", ko: "여전히 자기 몫을 받는다" } },
          {
            id: "out",
            label: { en: "No requests, but it keeps running", ko: "요청은 못 받지만 계속 실행된다" },
          },
          { id: "deleted", label: { en: "It is deleted", ko: "삭제된다" } },
        ],
        answer: (o) =>
          toTestPod(o) > 0
            ? "still"
            : o.cluster.pods.some((p) => p.name === TEST_POD && !p.terminating)
              ? "out"
              : "deleted",
        explain: {
          en: "`nginx-test` got {n} requests, yet it still runs. Its labels no longer match, so the EndpointSlice controller dropped it: {count} endpoints are left. No user reaches it now, but you can still look inside to find what went wrong.",
          ko: "`nginx-test`는 요청을 {n}개 받았지만 여전히 실행 중입니다. label이 더는 맞지 않아 EndpointSlice 컨트롤러가 이 Pod를 뺐고, 이제 endpoint는 {count}개입니다. 사용자 요청은 더 이상 닿지 않지만, Pod 안을 들여다보며 원인을 찾을 수는 있습니다.",
        },
        facts: (o) => ({ n: toTestPod(o), count: ready(o).length }),
      },
      // kube-proxy applies the new endpoints within a second (its sync period); wait that out.
      run: [
        { edit: { kind: "Pod", name: "nginx-test", path: ["metadata", "labels", "app"], value: "debug" } },
        { wait: 2 },
        burst(60),
      ],
    },
    {
      text: {
        en: "A typo in the selector: `web-ui` instead of `webui`. No pod has that label. The client sends 10 requests.",
        ko: "selector에 오타가 났습니다. `webui` 대신 `web-ui`라고 썼고, 이 label을 가진 Pod는 없습니다. client가 요청 10개를 보냅니다.",
      },
      highlight: [placeId("svc", SERVICE)],
      predict: {
        question: { en: "What does the client get?", ko: "client는 어떤 결과를 받을까요?" },
        choices: [
          { id: "reply", label: { en: "Replies from the old endpoints", ko: "예전 endpoint가 응답한다" } },
          { id: "refused", label: { en: "Connection refused at once", ko: "곧바로 연결이 거부된다" } },
          { id: "timeout", label: { en: "No answer: it times out", ko: "응답이 없어 타임아웃된다" } },
        ],
        answer: (o) => (o.last?.results.delivered ? "reply" : refused(o) > 0 ? "refused" : "timeout"),
        explain: {
          en: "{refused} of {total} were refused at once. With no endpoint at all, kube-proxy installs a REJECT rule for the Service, so clients fail fast instead of waiting. The YAML tab warns that the selector matches no pod.",
          ko: "{total}개 중 {refused}개가 곧바로 거부되었습니다. endpoint가 하나도 없으면 kube-proxy가 그 Service에 REJECT 규칙을 걸기 때문에, 클라이언트는 기다리지 않고 바로 실패합니다. YAML 탭에는 selector에 맞는 Pod가 없다는 경고가 뜹니다.",
        },
        facts: (o) => ({ refused: refused(o), total: o.last?.requests ?? 0 }),
      },
      run: [
        { edit: { kind: "Service", name: "webui-svc", path: ["spec", "selector", "app"], value: "web-ui" } },
        { wait: 2 },
        burst(10),
      ],
    },
    {
      text: {
        en: "The Service exists, its ClusterIP answers DNS, and yet nothing works: an empty endpoint list is the first thing to check when a Service fails.",
        ko: "Service도 있고 ClusterIP도 DNS에 잡히는데 아무것도 동작하지 않습니다. Service가 안 될 때 가장 먼저 볼 곳이 바로 비어 있는 endpoint 목록입니다.",
      },
      highlight: [placeId("svc", SERVICE), "pods:app=webui"],
      task: {
        goal: {
          en: "Fix the selector of `webui-svc` so that it finds the three `webui` pods again.",
          ko: "`webui-svc`의 selector를 고쳐 `webui` Pod 세 개를 다시 찾게 하세요.",
        },
        hint: {
          en: "In the YAML tab, under the Service's `spec.selector`, write `app: webui`. The endpoint badge on the Service shows the count.",
          ko: "YAML 탭에서 Service의 `spec.selector` 아래에 `app: webui`라고 쓰세요. Service 카드의 endpoint 배지에 개수가 나옵니다.",
        },
        solution: [
          { edit: { kind: "Service", name: "webui-svc", path: ["spec", "selector", "app"], value: "webui" } },
        ],
        check: (v) =>
          ready(v).filter((e) => v.cluster?.pods.some((p) => p.name === e.pod && p.labels.app === "webui"))
            .length >= 3,
      },
    },
  ],
};
