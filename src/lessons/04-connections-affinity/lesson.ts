// Lesson 4: connections, not requests. kube-proxy chooses an endpoint when a connection opens, so curl
// (a connection per request) spreads while a browser's keep-alive connection stays on one pod; then
// sessionAffinity: ClientIP pins a client's new connections too, for timeoutSeconds after its last one.
import { parseAllDocuments } from "yaml";
import { podLabel } from "../../scene/ids";
import type { Lesson, Outcome } from "../types";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";
import { placeId } from "../../protocol/placeId";

const SERVICE = "default/crane-http";
const FRONTEND = "pod:default/frontend";
/** The ClusterIP the source notes curl, fixed in the scenario's spec.clusterIP. */
const VIP = "10.96.49.75:8080";
const COUNT = 30;
const TIMEOUT = 5;

const pods = (o: Outcome) => Object.keys(o.last?.perPod ?? {});
const perPod = (o: Outcome) =>
  Object.entries(o.last?.perPod ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([p, n]) => `${podLabel(p)} ${n}`)
    .join(", ") || "?";
const oneOrSeveral = (o: Outcome) => (pods(o).length <= 1 ? "one" : "several");
const choices = {
  one: { en: "One pod gets them all", ko: "한 Pod가 전부 받는다" },
  several: { en: "Several pods share them", ko: "여러 Pod가 나눠 받는다" },
};
const oneOrSeveralChoices = [
  { id: "one", label: choices.one },
  { id: "several", label: choices.several },
];

let lastTimeout: { yaml: string; value: unknown } = { yaml: "", value: undefined };

/** spec.sessionAffinityConfig.clientIP.timeoutSeconds of crane-http as written in the YAML. */
function affinityTimeout(yaml: string): unknown {
  // The task's check runs on every state change: parse each text once.
  if (yaml === lastTimeout.yaml) return lastTimeout.value;
  lastTimeout = { yaml, value: readTimeout(yaml) };
  return lastTimeout.value;
}
function readTimeout(yaml: string): unknown {
  for (const doc of parseAllDocuments(yaml)) {
    if (!("toJS" in doc) || doc.errors.length) continue;
    const o = doc.toJS() as {
      kind?: string;
      metadata?: { name?: string };
      spec?: { sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: unknown } } };
    } | null;
    if (o?.kind === "Service" && o.metadata?.name === "crane-http")
      return o.spec?.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  }
  return undefined;
}

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "kube-proxy chooses a pod when a **connection** opens. The choice is written into conntrack, the kernel's table of connections, and every later packet of that connection follows it.\n\nSo what gets balanced is connections, not requests.",
        ko: "kube-proxy는 **연결**이 열릴 때 Pod를 고릅니다. 그 선택은 커널의 연결 추적 테이블인 conntrack에 기록되고, 같은 연결의 이후 패킷은 모두 그 선택을 따릅니다.\n\n그래서 나뉘는 단위는 요청이 아니라 연결입니다.",
      },
      highlight: [FRONTEND, placeId("svc", SERVICE)],
    },
    {
      text: {
        en: "`curl` opens a new connection for every request. The frontend sends 30 requests that way to `10.96.49.75:8080`.",
        ko: "`curl`은 요청마다 새 연결을 엽니다. frontend가 그렇게 `10.96.49.75:8080`으로 요청 30개를 보냅니다.",
      },
      highlight: [FRONTEND, "pods:app=crane"],
      predict: {
        question: { en: "Where do the requests go?", ko: "요청들은 어디로 갈까요?" },
        choices: oneOrSeveralChoices,
        answer: oneOrSeveral,
        explain: {
          en: "{perPod}. Each new connection was a fresh random choice among the three endpoints.",
          ko: "{perPod}. 새 연결마다 endpoint 세 개 중 하나를 새로 무작위로 골랐습니다.",
        },
        facts: (o) => ({ perPod: perPod(o) }),
      },
      run: [{ burst: { from: FRONTEND, to: VIP, count: COUNT } }],
    },
    {
      text: {
        en: "A browser keeps one connection open (**keep-alive**) and sends all its requests on it. Same 30 requests, same Service, `sessionAffinity: None` as before.",
        ko: "브라우저는 연결 하나를 열어 둔 채(**keep-alive**) 모든 요청을 그 위로 보냅니다. 요청 30개, 같은 Service, `sessionAffinity: None`도 그대로입니다.",
      },
      highlight: [FRONTEND, placeId("svc", SERVICE)],
      predict: {
        question: { en: "Where do the requests go now?", ko: "이번에는 요청들이 어디로 갈까요?" },
        choices: oneOrSeveralChoices,
        answer: oneOrSeveral,
        explain: {
          en: "{perPod}. Only the connection's first packet met kube-proxy's dice; the rest followed conntrack. That is why a browser seems stuck to one pod without any affinity, and why long-lived connections (HTTP/2, gRPC) can load one pod while others idle.",
          ko: "{perPod}. kube-proxy의 주사위를 만난 것은 연결의 첫 패킷뿐이고, 나머지는 conntrack을 따라갔습니다. 그래서 affinity 설정이 없어도 브라우저는 한 Pod에 붙은 것처럼 보이고, 오래 유지되는 연결(HTTP/2, gRPC)은 한 Pod에만 부하를 몰기도 합니다.",
        },
        facts: (o) => ({ perPod: perPod(o) }),
      },
      run: [{ burst: { from: FRONTEND, to: VIP, count: COUNT, connection: "keepalive" } }],
      compare: { setting: "connection", service: SERVICE, from: FRONTEND, to: VIP, count: COUNT },
    },
    {
      text: {
        en: "To pin a client on purpose, set `sessionAffinity: ClientIP` on the Service. Then the frontend sends 30 curl requests again, each on a new connection.",
        ko: "클라이언트를 일부러 한 Pod에 묶고 싶다면 Service에 `sessionAffinity: ClientIP`를 씁니다. 그런 다음 frontend가 다시 curl처럼 새 연결로 요청 30개를 보냅니다.",
      },
      highlight: [placeId("svc", SERVICE)],
      predict: {
        question: {
          en: "With ClientIP affinity, where do the new connections go?",
          ko: "ClientIP affinity에서는 새 연결들이 어디로 갈까요?",
        },
        choices: oneOrSeveralChoices,
        answer: oneOrSeveral,
        explain: {
          en: "{perPod}. kube-proxy now remembers the client's IP, {ip}, and sends its new connections to the same endpoint for `timeoutSeconds` (10800 s, three hours, by default). It goes by IP, not cookies: a Service sees TCP and UDP, never HTTP.",
          ko: "{perPod}. 이제 kube-proxy가 클라이언트 IP {ip}를 기억해 두었다가, `timeoutSeconds`(기본 10800초, 3시간) 동안 새 연결을 같은 endpoint로 보냅니다. 기준은 쿠키가 아니라 IP입니다. Service는 TCP와 UDP만 볼 뿐 HTTP는 모르기 때문입니다.",
        },
        facts: (o) => ({
          perPod: perPod(o),
          ip: o.cluster.pods.find((p) => placeId("pod", p.name) === FRONTEND)?.ip ?? "?",
        }),
      },
      // kube-proxy applies the change within a second (its sync period); wait that out.
      run: [
        {
          edit: { kind: "Service", name: "crane-http", path: ["spec", "sessionAffinity"], value: "ClientIP" },
        },
        { wait: 2 },
        { burst: { from: FRONTEND, to: VIP, count: COUNT } },
      ],
      compare: { setting: "sessionAffinity", service: SERVICE, from: FRONTEND, to: VIP, count: COUNT },
    },
    {
      text: {
        en: "The memory has a timeout, renewed by every new connection. Set it to 5 s and send one request every 10 s, for 100 s.",
        ko: "이 기억에는 타임아웃이 있고, 새 연결이 올 때마다 처음부터 다시 잽니다. 타임아웃을 5초로 줄이고, 100초 동안 10초에 한 번씩 요청을 보냅니다.",
      },
      highlight: [placeId("svc", SERVICE), "pods:app=crane"],
      predict: {
        question: {
          en: "How many pods answer the 10 slow requests?",
          ko: "띄엄띄엄 보낸 요청 10개에는 몇 개의 Pod가 응답할까요?",
        },
        choices: [
          { id: "one", label: { en: "One: affinity holds", ko: "하나: affinity가 유지된다" } },
          { id: "several", label: { en: "Several: it wears off", ko: "여럿: affinity가 풀린다" } },
        ],
        answer: oneOrSeveral,
        explain: {
          en: "{perPod}. Each 10 s gap outlasted the {t} s timeout, so kube-proxy had forgotten the client and rolled the dice again. Requests closer together than the timeout would have stayed on one pod.",
          ko: "{perPod}. 10초 간격이 타임아웃 {t}초보다 길어서, 매번 kube-proxy가 클라이언트를 잊고 주사위를 다시 굴렸습니다. 타임아웃보다 촘촘하게 보냈다면 한 Pod에 머물렀을 것입니다.",
        },
        facts: (o) => ({ perPod: perPod(o), t: TIMEOUT }),
      },
      run: [
        {
          edit: {
            kind: "Service",
            name: "crane-http",
            path: ["spec", "sessionAffinityConfig", "clientIP", "timeoutSeconds"],
            value: TIMEOUT,
          },
        },
        { wait: 2 },
        { rate: { from: FRONTEND, to: VIP, perSecond: 0.1, seconds: 100 } },
        // The rate runs in the background: let the clock pass its last request.
        { wait: 101 },
      ],
    },
    {
      text: {
        en: "The source notes' example keeps the default, three hours. Choose the timeout to fit how long a user's session lives in a pod's memory.",
        ko: "노트의 예제는 기본값인 3시간을 그대로 씁니다. 타임아웃은 사용자 세션이 Pod 메모리에 머무는 시간에 맞춰 고르세요.",
      },
      highlight: [placeId("svc", SERVICE)],
      task: {
        goal: {
          en: "Make `crane-http` keep a client on its pod for one hour: `timeoutSeconds: 3600`.",
          ko: "`crane-http`가 클라이언트를 한 시간 동안 같은 Pod에 묶어 두도록 `timeoutSeconds: 3600`으로 바꾸세요.",
        },
        hint: {
          en: "In the YAML tab: `spec.sessionAffinityConfig.clientIP.timeoutSeconds`. It must be between 1 and 86400 (one day), and needs `sessionAffinity: ClientIP`.",
          ko: "YAML 탭의 `spec.sessionAffinityConfig.clientIP.timeoutSeconds`입니다. 값은 1에서 86400(하루) 사이여야 하고, `sessionAffinity: ClientIP`와 함께 써야 합니다.",
        },
        solution: [
          {
            edit: {
              kind: "Service",
              name: "crane-http",
              path: ["spec", "sessionAffinityConfig", "clientIP", "timeoutSeconds"],
              value: 3600,
            },
          },
        ],
        check: (v) =>
          affinityTimeout(v.yaml) === 3600 &&
          v.cluster?.services.find((s) => s.name === SERVICE)?.sessionAffinity === "ClientIP" &&
          !v.diagnostics.some((d) => d.severity === "error"),
      },
    },
  ],
};
