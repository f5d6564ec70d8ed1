import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 12,
  slug: "externalname",
  title: { en: "ExternalName: a DNS alias", ko: "ExternalName: DNS 별칭" },
  summary: {
    en: "A Service that is only a CNAME: no ClusterIP, no endpoints, no kube-proxy, just a name that points elsewhere.",
    ko: "CNAME일 뿐인 Service. ClusterIP도, 엔드포인트도, kube-proxy도 없이 다른 곳을 가리키는 이름 하나입니다.",
  },
};
