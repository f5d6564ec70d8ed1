import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 15,
  slug: "virtual-clusterip",
  title: { en: "A ClusterIP is virtual", ko: "ClusterIP는 가상 주소" },
  summary: {
    en: "Ping a Service and nothing answers; curl its port and a pod does. The address lives only in kube-proxy's rules.",
    ko: "Service에 ping을 보내면 아무도 답하지 않지만, 포트로 curl하면 Pod가 답합니다. 그 주소는 kube-proxy 규칙 속에만 있습니다.",
  },
};
