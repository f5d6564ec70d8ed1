// Lesson 18: reading the errors. The scenario is broken on purpose (see mistakes.ts); each step quotes one
// message exactly as the engine gives it, says what it means, and makes the fix, and the last step leaves
// the final fix to the learner. A YAML error hides the API errors of its document: fixing the tab reveals
// the missing space, which hides the lowercase protocol, as in the source notes' clusterip-service.
import type { Lesson, Outcome } from "../types";
import { errorsIn, said } from "./documents";
import { dropNodePort, fixAll, fixColon, fixProtocol, fixTab, MESSAGES } from "./mistakes";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";

const SERVICES = ["default/clusterip-service", "default/nodeport-service", "default/crane-http"];

const code = (s: string): string => `\`${s}\``;

const errors = (o: Outcome, name: string) => errorsIn(o.diagnostics, o.yaml, name);
const left = (o: Outcome): number => o.diagnostics.filter((d) => d.severity === "error").length;

/** How many errors one Service's document has now, and the first of them as the API server says it. */
const factsOf = (name: string) => (o: Outcome) => {
  const es = errors(o, name);
  return { count: es.length, error: es[0] ? said(es[0]) : "-", left: left(o) };
};

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "This file is broken on purpose, with mistakes people really make, most from the notes' own examples. Open **Panels › YAML**: each red mark carries a message. Two kinds: **YAML errors**, where the text cannot even be read, and **API errors**, where the API server reads an object and refuses a field.",
        ko: "이 파일은 일부러 망가뜨렸습니다. 사람들이 실제로 자주 하는 실수들이고, 대부분 노트의 예제에서 왔습니다. **패널 › YAML**을 열면 빨간 표시마다 메시지가 붙어 있습니다. 종류는 둘입니다. 글 자체를 읽을 수 없는 **YAML 오류**, 그리고 API 서버가 객체를 읽은 뒤 어떤 필드를 거부하는 **API 오류**입니다.",
      },
      highlight: ["pods:app=webui", "pods:app=crane"],
      predict: {
        question: {
          en: "How many of the file's three Services exist in the cluster?",
          ko: "파일에 적힌 Service 셋 중 몇 개가 클러스터에 있을까요?",
        },
        choices: [
          {
            id: "all",
            label: { en: "All three: errors are just warnings", ko: "셋 다: 오류는 경고일 뿐이다" },
          },
          { id: "some", label: { en: "Those with the fewest errors", ko: "오류가 적은 것들만" } },
          { id: "none", label: { en: "None", ko: "하나도 없다" } },
        ],
        answer: (o) => {
          const n = o.cluster.services.filter((s) => SERVICES.includes(s.name)).length;
          return n === SERVICES.length ? "all" : n === 0 ? "none" : "some";
        },
        explain: {
          en: "{count} of 3. An object with an error is refused whole: nothing of it is stored. A webui pod's environment knows only {hosts}.",
          ko: "3개 중 {count}개입니다. 오류가 있는 객체는 통째로 거부되어 아무것도 저장되지 않습니다. webui Pod의 환경 변수도 {hosts}만 알고 있습니다.",
        },
        facts: (o) => ({
          count: o.cluster.services.filter((s) => SERVICES.includes(s.name)).length,
          hosts:
            (o.inspection?.env ?? [])
              .filter((e) => e.name.endsWith("_SERVICE_HOST"))
              .map((e) => code(e.name))
              .join(", ") || "-",
        }),
      },
      run: [{ inspect: (c) => c.pods.find((p) => p.labels.app === "webui")?.name }],
    },
    {
      text: {
        en: `${code(MESSAGES.tab)}, in clusterip-service on the \`targetPort\` line. YAML indents with spaces only; it refuses a tab there. **Fix:** replace the tab with spaces, lined up under \`port:\`.`,
        ko: `${code(MESSAGES.tab)}: clusterip-service의 \`targetPort\` 줄입니다. YAML은 들여쓰기에 공백만 쓰고, 그 자리의 탭은 받아들이지 않습니다. **고치기:** 탭을 공백으로 바꿔 \`port:\`와 줄을 맞춥니다.`,
      },
      predict: {
        question: {
          en: "With the tab turned into spaces, how many errors are left in clusterip-service?",
          ko: "탭을 공백으로 바꾸면 clusterip-service에는 오류가 몇 개 남을까요?",
        },
        choices: [
          { id: "none", label: { en: "None", ko: "없다" } },
          { id: "one", label: { en: "One", ko: "하나" } },
          { id: "more", label: { en: "Two or more", ko: "둘 이상" } },
        ],
        answer: (o) => {
          const n = errors(o, "clusterip-service").length;
          return n === 0 ? "none" : n === 1 ? "one" : "more";
        },
        explain: {
          en: "{count}: `{error}`. A YAML error stops the reading of its whole document, so the mistake behind it stays hidden until the first is fixed.",
          ko: "{count}개: `{error}`. YAML 오류는 그 문서 전체의 읽기를 멈추게 합니다. 그래서 뒤에 있는 실수는 앞의 것을 고쳐야 비로소 드러납니다.",
        },
        facts: factsOf("clusterip-service"),
      },
      run: [{ yaml: fixTab }],
    },
    {
      text: {
        en: `${code(MESSAGES.colon)}. Without a space after the colon, \`targetPort:80\` is one plain word, not a key with a value, and each line of a mapping must be \`key: value\`. **Fix:** \`targetPort: 80\`.`,
        ko: `${code(MESSAGES.colon)}. 콜론 뒤에 공백이 없으면 \`targetPort:80\`은 키와 값이 아니라 그냥 한 단어입니다. 매핑의 줄은 모두 \`key: value\` 꼴이어야 합니다. **고치기:** \`targetPort: 80\`.`,
      },
      predict: {
        question: {
          en: "With the space added, does clusterip-service load?",
          ko: "공백을 넣으면 clusterip-service가 올라갈까요?",
        },
        choices: [
          { id: "loads", label: { en: "Yes", ko: "올라간다" } },
          {
            id: "refused",
            label: {
              en: "No: the API server refuses a field",
              ko: "아니다: API 서버가 필드 하나를 거부한다",
            },
          },
          { id: "yaml", label: { en: "No: another YAML error", ko: "아니다: 또 다른 YAML 오류" } },
        ],
        answer: (o) => {
          const es = errors(o, "clusterip-service");
          return es.length === 0 ? "loads" : es.some((d) => d.object === "") ? "yaml" : "refused";
        },
        explain: {
          en: "The text reads now, so the object reaches the API server, which refuses it: `{error}`.",
          ko: "이제 글이 읽히니 객체가 API 서버까지 갔고, API 서버가 거부했습니다: `{error}`.",
        },
        facts: factsOf("clusterip-service"),
      },
      run: [{ yaml: fixColon }],
    },
    {
      text: {
        en: `${code(MESSAGES.protocol)}. Enum values are case-sensitive: a protocol is \`TCP\`, \`UDP\` or \`SCTP\`, in capitals. **Fix:** \`protocol: TCP\`.`,
        ko: `${code(MESSAGES.protocol)}. 열거형 값은 대소문자를 가립니다. 프로토콜은 대문자로 \`TCP\`, \`UDP\`, \`SCTP\` 중 하나입니다. **고치기:** \`protocol: TCP\`.`,
      },
      run: [{ yaml: fixProtocol }],
      notice: {
        en: "clusterip-service has {count} errors now. {left} remain in the other Services; until none is left, the graph keeps the cluster that last loaded.",
        ko: "이제 clusterip-service의 오류는 {count}개입니다. 다른 Service에 {left}개가 남았습니다. 하나도 남지 않을 때까지 그래프는 마지막으로 올라간 클러스터를 그대로 보여 줍니다.",
      },
      noticeFacts: factsOf("clusterip-service"),
    },
    {
      text: {
        en: `${code(MESSAGES.nodePort)}. The notes meant 30200: a digit went missing. A nodePort must lie in the cluster's range, 30000-32767 by default.`,
        ko: `${code(MESSAGES.nodePort)}. 노트가 뜻한 값은 30200인데 숫자 하나가 빠졌습니다. nodePort는 클러스터의 범위, 기본값으로 30000-32767 안에 있어야 합니다.`,
      },
      predict: {
        question: {
          en: "What if you delete the nodePort line instead?",
          ko: "대신 nodePort 줄을 지워 버리면 어떻게 될까요?",
        },
        choices: [
          {
            id: "allocated",
            label: {
              en: "The API server picks a free port in the range",
              ko: "API 서버가 범위 안의 빈 포트를 고른다",
            },
          },
          {
            id: "refused",
            label: {
              en: "Refused: a NodePort Service must name its port",
              ko: "거부된다: NodePort Service는 포트를 적어야 한다",
            },
          },
        ],
        answer: (o) => (errors(o, "nodeport-service").length === 0 ? "allocated" : "refused"),
        explain: {
          en: "nodeport-service has {count} errors now: left out, a `nodePort` is allocated from the range. Writing one yourself is fine too, if it is in range and free. {left} errors remain, in crane-http.",
          ko: "이제 nodeport-service의 오류는 {count}개입니다. `nodePort`를 빼면 범위 안에서 하나가 할당됩니다. 범위 안의 비어 있는 포트라면 직접 적어도 됩니다. 남은 오류 {left}개는 crane-http에 있습니다.",
        },
        facts: factsOf("nodeport-service"),
      },
      run: [{ yaml: dropNodePort }],
    },
    {
      text: {
        en: `${code(MESSAGES.name)}, and the same for \`spec.ports[1].name\`. crane-http exposes 80 and 443; with more than one port, each needs a name so that Endpoints and environment variables can tell them apart. A single port may go unnamed.`,
        ko: `${code(MESSAGES.name)}, 그리고 \`spec.ports[1].name\`에도 같은 오류가 있습니다. crane-http는 80과 443을 엽니다. 포트가 둘 이상이면 Endpoints와 환경 변수가 서로 구별할 수 있도록 포트마다 이름이 있어야 합니다. 포트가 하나면 이름은 없어도 됩니다.`,
      },
      highlight: ["pods:app=crane"],
      task: {
        goal: {
          en: "Name crane-http's two ports `http` and `https`, so the whole file loads with no error.",
          ko: "crane-http의 두 포트에 `http`와 `https`라는 이름을 붙여, 파일 전체가 오류 없이 올라가게 하세요.",
        },
        hint: {
          en: "Make the first port `- name: http` with `port: 80` and `targetPort: 8080` lined up below it, and the second `- name: https`. When nothing is red, the three Services appear on the graph (Fit view frames them all).",
          ko: "첫 포트를 `- name: http`로 시작하고 그 아래에 `port: 80`, `targetPort: 8080`을 줄 맞춰 쓰세요. 둘째 포트는 `- name: https`입니다. 빨간 표시가 모두 사라지면 그래프에 Service 셋이 나타납니다(Fit view를 누르면 한눈에 보입니다).",
        },
        solution: [{ yaml: fixAll }],
        check: (v) =>
          !v.diagnostics.some((d) => d.severity === "error") &&
          SERVICES.every((name) => v.cluster?.services.some((s) => s.name === name)),
      },
    },
  ],
};
