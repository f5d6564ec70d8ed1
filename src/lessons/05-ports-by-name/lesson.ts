// Lesson 5: several ports, and targetPort by name. crane-http (the source notes' two-port Service,
// 80 -> 8080 and 443 -> 8443): clients use the Service's port, never the targetPort; a numeric
// targetPort breaks when the container's port moves, a named one follows it.
import { parseAllDocuments } from "yaml";
import { podLabel } from "../../scene/ids";
import type { Lesson, Outcome } from "../types";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";
import { placeId } from "../../protocol/placeId";

const SERVICE = "default/crane-http";
const CLIENT = "pod:default/client";
const burst = (port: number) => ({ burst: { from: CLIENT, to: `crane-http:${port}`, count: 10 } });

const refused = (o: Outcome) => (o.last ? o.last.results.refused + o.last.results.rejected : 0);
const result = (o: Outcome) => (o.last?.results.delivered ? "reply" : refused(o) > 0 ? "refused" : "timeout");
const resultChoices = [
  { id: "reply", label: { en: "Replies from the pods", ko: "Pod가 응답한다" } },
  { id: "refused", label: { en: "Connection refused", ko: "연결이 거부된다" } },
  { id: "timeout", label: { en: "No answer: it times out", ko: "응답이 없어 타임아웃된다" } },
];

interface PortSpec {
  name?: string;
  port?: number;
  targetPort?: unknown;
}
let lastPorts: { yaml: string; ports: PortSpec[] } = { yaml: "", ports: [] };

/** crane-http's spec.ports as written in the YAML (parsed once per text: checks run on every change). */
function servicePorts(yaml: string): PortSpec[] {
  if (yaml === lastPorts.yaml) return lastPorts.ports;
  let ports: PortSpec[] = [];
  for (const doc of parseAllDocuments(yaml)) {
    if (!("toJS" in doc) || doc.errors.length) continue;
    const o = doc.toJS() as {
      kind?: string;
      metadata?: { name?: string };
      spec?: { ports?: PortSpec[] };
    } | null;
    if (o?.kind === "Service" && o.metadata?.name === "crane-http") ports = o.spec?.ports ?? [];
  }
  lastPorts = { yaml, ports };
  return ports;
}

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "The crane pods listen on two ports, named `http` (8080) and `https` (8443). One Service carries both: `crane-http` maps **80 → 8080** and **443 → 8443**.\n\nWhen a Service has more than one port, each must have a name.",
        ko: "crane Pod는 `http`(8080)와 `https`(8443)라는 이름의 두 포트에서 요청을 받습니다. Service 하나로 둘 다 열 수 있습니다. `crane-http`는 **80 → 8080**, **443 → 8443**으로 연결합니다.\n\nService에 포트가 둘 이상이면 포트마다 이름이 있어야 합니다.",
      },
      highlight: [placeId("svc", SERVICE), "pods:app=crane"],
    },
    {
      text: {
        en: "Follow a request to `crane-http:443`, hop by hop.",
        ko: "`crane-http:443`으로 가는 요청을 한 홉씩 따라가 보세요.",
      },
      highlight: [CLIENT, placeId("svc", SERVICE)],
      run: [{ send: { from: CLIENT, to: "crane-http:443" }, narrate: true }],
      notice: {
        en: "kube-proxy on node-1 matched port 443 of the ClusterIP and rewrote it to `{pod}` on 8443. Each Service port has its own rules, with its own `targetPort`.",
        ko: "node-1의 kube-proxy가 ClusterIP의 443 포트 규칙에 맞춰 목적지를 `{pod}`의 8443으로 바꿨습니다. Service의 포트마다 자기 `targetPort`를 가진 규칙이 따로 있습니다.",
      },
      noticeFacts: (o) => ({ pod: podLabel(Object.keys(o.last?.perPod ?? {})[0] ?? "?") }),
    },
    {
      text: {
        en: "A common slip: calling the Service on the **targetPort**. The client sends 10 requests to `crane-http:8443`.",
        ko: "흔한 실수가 Service를 **targetPort**로 부르는 것입니다. client가 `crane-http:8443`으로 요청 10개를 보냅니다.",
      },
      highlight: [CLIENT, placeId("svc", SERVICE)],
      predict: {
        question: { en: "What does the client get?", ko: "client는 어떤 결과를 받을까요?" },
        choices: resultChoices,
        answer: result,
        explain: {
          en: "{timeouts} of {total} timed out. The ClusterIP has rules only for its `port`s, 80 and 443. 8443 belongs to the pods; on the ClusterIP it means nothing, so the packets went nowhere.",
          ko: "{total}개 중 {timeouts}개가 타임아웃되었습니다. ClusterIP에는 `port`인 80과 443에 대한 규칙만 있습니다. 8443은 Pod 쪽 번호라서 ClusterIP에서는 아무 의미가 없고, 패킷은 갈 곳을 잃었습니다.",
        },
        facts: (o) => ({ timeouts: o.last?.results.timeout ?? 0, total: o.last?.requests ?? 0 }),
      },
      run: [burst(8443)],
    },
    {
      text: {
        en: "The team moves the app's `http` port from 8080 to **80**, in the Deployment only. The Deployment rolls out new pods; the Service still says `targetPort: 8080`.",
        ko: "개발팀이 앱의 `http` 포트를 8080에서 **80**으로 옮겼습니다. Deployment만 고쳤지요. Deployment가 Pod를 새것으로 바꿨지만, Service에는 여전히 `targetPort: 8080`이 적혀 있습니다.",
      },
      highlight: [placeId("svc", SERVICE), "pods:app=crane"],
      predict: {
        question: {
          en: "What do 10 requests to crane-http:80 get?",
          ko: "crane-http:80으로 보낸 요청 10개는 어떻게 될까요?",
        },
        choices: resultChoices,
        answer: result,
        explain: {
          en: "{refused} of {total} were refused. kube-proxy still sends them to port 8080, where nothing listens now, so each pod's kernel answered with a reset. A numeric `targetPort` must change in step with the container.",
          ko: "{total}개 중 {refused}개가 거부되었습니다. kube-proxy는 여전히 8080으로 보내는데, 이제 그 포트에는 아무도 없으니 Pod의 커널이 reset으로 답했습니다. 숫자로 쓴 `targetPort`는 컨테이너와 함께 고쳐야 합니다.",
        },
        facts: (o) => ({ refused: refused(o), total: o.last?.requests ?? 0 }),
      },
      // The rollout replaces both pods; the old ones finish terminating within the 30 s grace period.
      run: [
        {
          edit: {
            kind: "Deployment",
            name: "crane",
            path: ["spec", "template", "spec", "containers", 0, "ports", 0, "containerPort"],
            value: 80,
          },
        },
        { wait: 35 },
        burst(80),
      ],
    },
    {
      text: {
        en: "Instead of a number, `targetPort` can name a container port. Set it to `http`: each pod's own port list says which number that is.",
        ko: "`targetPort`에는 숫자 대신 컨테이너 포트의 이름을 쓸 수 있습니다. `http`로 바꿔 봅시다. 그 이름이 몇 번인지는 Pod마다 자기 포트 목록이 알려 줍니다.",
      },
      highlight: [placeId("svc", SERVICE)],
      predict: {
        question: {
          en: "With targetPort: http, what do 10 requests to crane-http:80 get?",
          ko: "targetPort: http로 바꾸면, crane-http:80으로 보낸 요청 10개는 어떻게 될까요?",
        },
        choices: resultChoices,
        answer: result,
        explain: {
          en: "{delivered} of {total} were answered. The name `http` was looked up in the pods' ports and found at 80, so the Service followed the container. Next time the port moves, only the Deployment changes.",
          ko: "{total}개 중 {delivered}개가 응답을 받았습니다. `http`라는 이름을 Pod의 포트 목록에서 찾아 80번을 얻었고, Service는 컨테이너를 그대로 따라갔습니다. 다음에 포트가 바뀌어도 Deployment만 고치면 됩니다.",
        },
        facts: (o) => ({ delivered: o.last?.results.delivered ?? 0, total: o.last?.requests ?? 0 }),
      },
      // kube-proxy applies the change within a second (its sync period); wait that out.
      run: [
        {
          edit: {
            kind: "Service",
            name: "crane-http",
            path: ["spec", "ports", 0, "targetPort"],
            value: "http",
          },
        },
        { wait: 2 },
        burst(80),
      ],
    },
    {
      text: {
        en: "Port 443 still points at the number 8443. Give it the same protection before someone moves that port too.",
        ko: "443 포트는 아직 숫자 8443을 가리킵니다. 누군가 그 포트까지 옮기기 전에 똑같이 대비해 둡시다.",
      },
      highlight: [placeId("svc", SERVICE)],
      task: {
        goal: {
          en: "Make the `https` port of `crane-http` use `targetPort: https`.",
          ko: "`crane-http`의 `https` 포트가 `targetPort: https`를 쓰게 하세요.",
        },
        hint: {
          en: "In the YAML tab, the Service's second entry under `spec.ports`. Then try it: change the container's 8443 and send to `crane-http:443`.",
          ko: "YAML 탭에서 Service의 `spec.ports` 두 번째 항목입니다. 바꾼 뒤에는 컨테이너의 8443을 바꾸고 `crane-http:443`으로 보내 확인해 보세요.",
        },
        solution: [
          {
            edit: {
              kind: "Service",
              name: "crane-http",
              path: ["spec", "ports", 1, "targetPort"],
              value: "https",
            },
          },
        ],
        check: (v) =>
          servicePorts(v.yaml).some((p) => p.port === 443 && p.targetPort === "https") &&
          !v.diagnostics.some((d) => d.severity === "error"),
      },
    },
  ],
};
