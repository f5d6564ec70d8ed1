// Lesson 13: how a pod finds a Service. Environment variables are written once, when the container
// starts, so they only name older Services; DNS is asked at connect time and follows the pod's search
// path. Built on the source notes' crane-http (8080) and my-service (80 → 9376).
import { podLabel } from "../../scene/ids";
import type { Lesson, Outcome } from "../types";
import { documentIndex, moveToEnd } from "./documents";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";
import { placeId } from "../../protocol/placeId";

const SHELL = "default/shell";
const TOOLBOX = "tools/toolbox";

const servedBy = (o: Outcome): string => {
  const pod = Object.keys(o.last?.perPod ?? {})[0];
  return pod ? podLabel(pod) : "?";
};

const clusterIP = (o: Outcome, service: string): string =>
  o.cluster.services.find((s) => s.name === service)?.clusterIP ?? "?";

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "The `shell` pod wants to talk to other apps. It can find a Service two ways: **environment variables** that kubelet writes into the container as it starts, or a **DNS name** it looks up whenever it connects.\n\nIn this file `crane-http` comes before `shell`, and `my-service` after it.",
        ko: "`shell` Pod가 다른 앱과 통신하려 합니다. Service를 찾는 길은 두 가지입니다. 컨테이너가 시작될 때 kubelet이 넣어 주는 **환경 변수**, 그리고 연결할 때마다 조회하는 **DNS 이름**입니다.\n\n이 파일에서 `crane-http`는 `shell`보다 앞에, `my-service`는 뒤에 있습니다.",
      },
      highlight: [placeId("pod", SHELL), "svc:default/crane-http", "svc:default/my-service"],
    },
    {
      text: {
        en: "Look inside the pod, as `kubectl exec shell -- env` would. Each Service gets variables named after it, in upper case with `-` turned into `_`: `crane-http` gives `CRANE_HTTP_SERVICE_HOST`.",
        ko: "`kubectl exec shell -- env`를 실행한 것처럼 Pod 안을 봅니다. Service마다 이름을 딴 변수가 생기는데, 대문자로 바뀌고 `-`는 `_`가 됩니다. `crane-http`라면 `CRANE_HTTP_SERVICE_HOST`입니다.",
      },
      highlight: [placeId("pod", SHELL)],
      predict: {
        question: {
          en: "Does shell have MY_SERVICE_SERVICE_HOST?",
          ko: "shell에 MY_SERVICE_SERVICE_HOST가 있을까요?",
        },
        choices: [
          {
            id: "yes",
            label: {
              en: "Yes: every Service of its namespace is there",
              ko: "있다: 같은 네임스페이스의 Service는 모두 들어 있다",
            },
          },
          {
            id: "no",
            label: {
              en: "No: my-service was created after the pod started",
              ko: "없다: my-service는 Pod가 시작된 뒤에 생겼다",
            },
          },
        ],
        answer: (o) => (o.inspection?.env.some((e) => e.name === "MY_SERVICE_SERVICE_HOST") ? "yes" : "no"),
        explain: {
          en: "It holds {hosts}, written once by kubelet as the container started. `my-service` did not exist then, and nothing adds variables later.",
          ko: "Pod에는 {hosts}만 있습니다. kubelet이 컨테이너를 시작하며 한 번 써 준 것입니다. 그때는 `my-service`가 없었고, 변수는 나중에 더해지지 않습니다.",
        },
        facts: (o) => ({
          hosts:
            (o.inspection?.env ?? [])
              .filter((e) => e.name.endsWith("_SERVICE_HOST"))
              .map((e) => `\`${e.name}=${e.value}\``)
              .join(", ") || "?",
        }),
      },
      run: [{ inspect: SHELL }],
    },
    {
      text: {
        en: "DNS works differently: the pod asks the cluster's DNS server at the moment it connects. Its `/etc/resolv.conf` lists search domains, so inside its own namespace the short name is enough.",
        ko: "DNS는 다르게 움직입니다. Pod는 연결하는 바로 그때 클러스터 DNS 서버에 묻습니다. `/etc/resolv.conf`에 search 도메인이 적혀 있어서, 같은 네임스페이스 안에서는 짧은 이름이면 됩니다.",
      },
      highlight: [placeId("pod", SHELL), "svc:default/my-service"],
      predict: {
        question: {
          en: "shell connects to my-service:80. Does it reach a pod?",
          ko: "shell이 my-service:80으로 연결합니다. Pod까지 닿을까요?",
        },
        choices: [
          {
            id: "yes",
            label: {
              en: "Yes: DNS knows every Service that exists now",
              ko: "닿는다: DNS는 지금 있는 Service를 모두 안다",
            },
          },
          {
            id: "no",
            label: {
              en: "No: like the variables, the name is unknown to this pod",
              ko: "안 닿는다: 환경 변수처럼 이 Pod는 그 이름을 모른다",
            },
          },
        ],
        answer: (o) => (o.last?.results.delivered ? "yes" : "no"),
        explain: {
          en: "With the first search domain, `my-service` became `my-service.default.svc.cluster.local`: ClusterIP `{ip}`, and {pod} answered. DNS is asked at connect time, so it knows Services newer than the pod.",
          ko: "첫 번째 search 도메인이 붙어 `my-service`는 `my-service.default.svc.cluster.local`이 되었고, ClusterIP `{ip}`로 풀려 {pod}가 응답했습니다. DNS는 연결할 때 묻기 때문에 Pod보다 늦게 생긴 Service도 압니다.",
        },
        facts: (o) => ({ ip: clusterIP(o, "default/my-service"), pod: servedBy(o) }),
      },
      run: [{ send: { from: placeId("pod", SHELL), to: "my-service:80" } }],
    },
    {
      text: {
        en: "`toolbox` runs in another namespace, `tools`. Its search domains begin with `tools.svc.cluster.local`, so a short name is looked for in `tools` first.",
        ko: "`toolbox`는 다른 네임스페이스 `tools`에서 돕니다. search 도메인이 `tools.svc.cluster.local`로 시작하므로, 짧은 이름은 먼저 `tools`에서 찾습니다.",
      },
      highlight: [placeId("pod", TOOLBOX), "svc:default/crane-http"],
      predict: {
        question: {
          en: "Which name reaches crane-http (in default) from toolbox?",
          ko: "toolbox에서 crane-http(default 네임스페이스)에 닿는 이름은?",
        },
        choices: [
          { id: "short", label: { en: "crane-http is enough", ko: "crane-http면 충분하다" } },
          {
            id: "namespaced",
            label: {
              en: "crane-http.default: name and namespace",
              ko: "crane-http.default: 이름과 네임스페이스",
            },
          },
          {
            id: "full",
            label: {
              en: "Only the full crane-http.default.svc.cluster.local",
              ko: "전체 이름 crane-http.default.svc.cluster.local만 된다",
            },
          },
        ],
        answer: (o) => {
          const found = (name: string) =>
            o.inspection?.dns.some((d) => d.name === name && d.rcode === "NOERROR");
          return found("crane-http") ? "short" : found("crane-http.default") ? "namespaced" : "full";
        },
        explain: {
          en: "The search list starts with {first}, so `crane-http` asks for `crane-http.tools.svc.cluster.local`: no such Service. `crane-http.default` plus `svc.cluster.local` exists: `{answer}`, and {pod} answered.",
          ko: "search 목록이 {first}로 시작하므로 `crane-http`는 `crane-http.tools.svc.cluster.local`을 찾는데, 그런 Service는 없습니다. `crane-http.default`에 `svc.cluster.local`이 붙은 이름은 있습니다. 답은 `{answer}`였고 {pod}가 응답했습니다.",
        },
        facts: (o) => ({
          first: `\`${o.inspection?.resolvConf.searches[0] ?? "?"}\``,
          answer: o.inspection?.dns.find((d) => d.name === "crane-http.default")?.answers[0] ?? "?",
          pod: servedBy(o),
        }),
      },
      run: [{ inspect: TOOLBOX }, { send: { from: placeId("pod", TOOLBOX), to: "crane-http.default:8080" } }],
    },
    {
      text: {
        en: "Variables are a snapshot from the container's start. For `shell` to get `MY_SERVICE_*`, it must start again **after** `my-service` exists: in a real cluster you would delete the pod and apply it again.",
        ko: "환경 변수는 컨테이너가 시작될 때 찍힌 스냅숏입니다. `shell`이 `MY_SERVICE_*`를 받으려면 `my-service`가 생긴 **뒤에** 다시 시작해야 합니다. 실제 클러스터라면 Pod를 지우고 다시 apply합니다.",
      },
      highlight: [placeId("pod", SHELL)],
      task: {
        goal: {
          en: "Start `shell` after `my-service`: in the YAML tab, move the `shell` Pod's document below `my-service`. The playground creates objects in file order.",
          ko: "`shell`이 `my-service`보다 늦게 시작하게 하세요. YAML 탭에서 `shell` Pod 문서를 `my-service` 아래로 옮기면 됩니다. 이 플레이그라운드는 파일 순서대로 객체를 만듭니다.",
        },
        hint: {
          en: "Cut the lines from `kind: Pod` … `name: shell` up to the next `---`, and paste them at the end after a new `---`. Then click the pod: the Inspector lists its variables.",
          ko: "`kind: Pod` … `name: shell` 부분을 다음 `---` 전까지 잘라 내고, 파일 끝에 `---`를 하나 더 쓴 뒤 붙여 넣으세요. 그다음 Pod를 클릭하면 Inspector에 변수가 보입니다.",
        },
        solution: [{ yaml: (text) => moveToEnd(text, "Pod", "shell") }],
        check: (v) =>
          !v.diagnostics.some((d) => d.severity === "error") &&
          !!v.cluster?.pods.some((p) => p.name === SHELL) &&
          documentIndex(v.yaml, "Pod", "shell") > documentIndex(v.yaml, "Service", "my-service") &&
          documentIndex(v.yaml, "Service", "my-service") >= 0,
      },
    },
  ],
};
