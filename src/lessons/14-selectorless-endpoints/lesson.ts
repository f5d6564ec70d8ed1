// Lesson 14: a Service without a selector gets no endpoints from Kubernetes; an Endpoints object of the
// same name, written by hand, gives it some (mirrored into an EndpointSlice). Built on the source notes'
// selector-less crane-http with hand-copied pod IPs, and an external database.
import { podLabel } from "../../scene/ids";
import { podWith } from "../runner";
import { byHeard } from "../outcome";
import type { Lesson, Outcome } from "../types";
import { meta } from "./meta";
import scenario from "./scenario.yaml?raw";

const DB_ENDPOINTS = `apiVersion: v1
kind: Endpoints
metadata:
  name: external-db
subsets:
  - addresses:
      - ip: 192.168.49.50
    ports:
      - port: 5432
`;

/** The file with the Endpoints of external-db appended, once. */
const withDbEndpoints = (text: string): string =>
  /kind:\s*Endpoints\s*\nmetadata:\s*\n\s+name:\s*external-db\s*$/m.test(text)
    ? text
    : `${text.replace(/\s*$/, "\n")}---\n${DB_ENDPOINTS}`;

const crane = (c: Outcome["cluster"]) => c.pods.filter((p) => p.labels.app === "crane");

export const lesson: Lesson = {
  ...meta,
  scenario,
  steps: [
    {
      text: {
        en: "Two Services here have **no selector**. `external-db` stands for a PostgreSQL server on a VM beside the cluster (`db-server`). `crane-http` is the notes' example: its **Endpoints** were written by hand, with the crane pods' IPs copied from `kubectl get pods -o wide`.",
        ko: "여기 있는 Service 두 개에는 **selector가 없습니다**. `external-db`는 클러스터 옆 VM(`db-server`)에서 도는 PostgreSQL 서버를 가리킵니다. `crane-http`는 노트의 예제로, crane Pod의 IP를 `kubectl get pods -o wide`에서 옮겨 적어 **Endpoints**를 손으로 만들었습니다.",
      },
      highlight: ["svc:default/external-db", "svc:default/crane-http", "client:db-server"],
    },
    {
      text: {
        en: "Without a selector the EndpointSlice controller cannot know which pods belong to a Service, so it writes nothing. A crane pod now connects to its database.",
        ko: "selector가 없으면 EndpointSlice 컨트롤러는 어떤 Pod가 Service에 속하는지 알 수 없어서 아무것도 쓰지 않습니다. 이제 crane Pod가 데이터베이스에 연결합니다.",
      },
      highlight: ["svc:default/external-db", "pods:app=crane"],
      predict: {
        question: {
          en: "A crane pod connects to external-db:5432. What happens?",
          ko: "crane Pod가 external-db:5432로 연결합니다. 어떻게 될까요?",
        },
        choices: [
          { id: "refused", label: { en: "Refused at once", ko: "곧바로 거부된다" } },
          { id: "timeout", label: { en: "It waits, then times out", ko: "기다리다 타임아웃된다" } },
          { id: "db", label: { en: "It reaches the database", ko: "데이터베이스에 닿는다" } },
        ],
        answer: byHeard({ answer: "db", refused: "refused", silence: "timeout" }),
        explain: {
          en: '`external-db` has {count} endpoints. For a Service with none, kube-proxy installs a REJECT rule: the client hears "connection refused" right away instead of waiting.',
          ko: '`external-db`의 엔드포인트는 {count}개입니다. 엔드포인트가 하나도 없는 Service에 kube-proxy는 REJECT 규칙을 걸어 둡니다. 그래서 클라이언트는 기다리지 않고 바로 "connection refused"를 받습니다.',
        },
        facts: (o) => ({ count: o.sim?.endpoints["default/external-db"]?.length ?? 0 }),
      },
      run: [{ send: { from: { pod: podWith({ app: "crane" }) }, to: "external-db:5432" } }],
    },
    {
      text: {
        en: "Write the endpoints yourself: an **Endpoints** object with the **same name** as the Service, listing `192.168.49.50:5432`. Kubernetes mirrors it into an EndpointSlice, and kube-proxy uses it like any other. Follow the packet.",
        ko: "엔드포인트를 직접 씁니다. Service와 **이름이 같은** **Endpoints** 객체에 `192.168.49.50:5432`를 적습니다. 쿠버네티스가 이것을 EndpointSlice로 옮겨 주고, kube-proxy는 여느 엔드포인트처럼 씁니다. 패킷을 따라가 보세요.",
      },
      highlight: ["svc:default/external-db", "client:db-server"],
      run: [
        { yaml: withDbEndpoints },
        { send: { from: { pod: podWith({ app: "crane" }) }, to: "external-db:5432" }, narrate: true },
      ],
      notice: {
        en: "{delivered} of 1 delivered. The node DNATed the ClusterIP to `192.168.49.50:5432`, then masqueraded the pod's address to its own as the packet left the cluster.",
        ko: "1개 중 {delivered}개가 전달되었습니다. 노드가 ClusterIP를 `192.168.49.50:5432`로 DNAT하고, 패킷이 클러스터를 떠날 때 Pod 주소를 자기 주소로 masquerade했습니다.",
      },
      noticeFacts: (o) => ({ delivered: o.last?.results.delivered ?? 0 }),
    },
    {
      text: {
        en: "Now `crane-http`, whose Endpoints list two crane pods by IP. One of them is deleted; its ReplicaSet starts a new pod, with a new IP. Then `shell` sends 20 requests.",
        ko: "이번에는 Endpoints에 crane Pod 두 개의 IP를 적어 둔 `crane-http`입니다. 그중 한 Pod를 지우면 ReplicaSet이 새 IP를 가진 새 Pod를 띄웁니다. 그다음 `shell`이 요청 20개를 보냅니다.",
      },
      highlight: ["svc:default/crane-http", "pods:app=crane", "pod:default/shell"],
      predict: {
        question: {
          en: "Of 20 requests to crane-http, how many get an answer?",
          ko: "crane-http로 보낸 요청 20개 중 몇 개가 응답을 받을까요?",
        },
        choices: [
          {
            id: "all",
            label: { en: "All 20: the list follows the pods", ko: "20개 모두: 목록이 Pod를 따라간다" },
          },
          { id: "half", label: { en: "About half", ko: "절반쯤" } },
          { id: "none", label: { en: "None", ko: "하나도 없다" } },
        ],
        answer: (o) => {
          const share = (o.last?.results.delivered ?? 0) / Math.max(1, o.last?.requests ?? 1);
          return share > 0.95 ? "all" : share === 0 ? "none" : "half";
        },
        explain: {
          en: "{timeouts} of {total} timed out. The Endpoints still say `{old}`, the deleted pod's address; the new pod {fresh} at `{freshIP}` got nothing. Nobody updates Endpoints written by hand.",
          ko: "{total}개 중 {timeouts}개가 타임아웃되었습니다. Endpoints에는 아직 지워진 Pod의 주소 `{old}`가 적혀 있고, `{freshIP}`에 뜬 새 Pod {fresh}는 요청을 하나도 받지 못했습니다. 손으로 쓴 Endpoints는 아무도 고쳐 주지 않습니다.",
        },
        facts: (o) => {
          const after = crane(o.cluster);
          const gone = crane(o.before).find((p) => !after.some((q) => q.name === p.name));
          const fresh = after.find((p) => !crane(o.before).some((q) => q.name === p.name));
          return {
            timeouts: o.last?.results.timeout ?? 0,
            total: o.last?.requests ?? 0,
            old: gone?.ip ?? "?",
            fresh: fresh ? podLabel(fresh.name) : "?",
            freshIP: fresh?.ip ?? "?",
          };
        },
      },
      run: [
        { deletePod: podWith({ app: "crane" }, { node: "node-3" }) },
        { wait: 35 },
        { burst: { from: "pod:default/shell", to: "crane-http:8080", count: 20 } },
      ],
    },
    {
      text: {
        en: "When the backend runs as pods, let Kubernetes keep the list: give the Service a selector. The EndpointSlice controller takes over, and mirroring of the hand-written Endpoints stops.",
        ko: "백엔드가 Pod로 돈다면 목록 관리는 쿠버네티스에 맡기세요. Service에 selector를 주면 EndpointSlice 컨트롤러가 넘겨받고, 손으로 쓴 Endpoints를 옮겨 적는 일은 멈춥니다.",
      },
      highlight: ["svc:default/crane-http", "pods:app=crane"],
      task: {
        goal: {
          en: "Give `crane-http` the selector `app: crane`, so its endpoints follow the crane pods again.",
          ko: "`crane-http`에 selector `app: crane`을 주어, 엔드포인트가 다시 crane Pod를 따라가게 하세요.",
        },
        hint: {
          en: "In the YAML tab, under the Service's `spec:`, add `selector:` and below it `app: crane`. Then send to `crane-http:8080` from `shell`: every request is answered.",
          ko: "YAML 탭에서 Service의 `spec:` 아래에 `selector:`를, 그 아래에 `app: crane`을 쓰세요. 그다음 `shell`에서 `crane-http:8080`으로 보내 보면 모든 요청이 응답을 받습니다.",
        },
        solution: [
          {
            edit: {
              kind: "Service",
              name: "crane-http",
              path: ["spec", "selector"],
              value: { app: "crane" },
            },
          },
        ],
        check: (v) => {
          const svc = v.cluster?.services.find((s) => s.name === "default/crane-http");
          const eps = v.sim?.endpoints["default/crane-http"] ?? [];
          return svc?.selector?.app === "crane" && eps.length > 0 && eps.every((e) => e.pod !== null);
        },
      },
    },
  ],
};
