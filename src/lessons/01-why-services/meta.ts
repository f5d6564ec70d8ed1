import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 1,
  slug: "why-services",
  title: { en: "Why Services: one address that stays", ko: "왜 Service인가: 변하지 않는 주소 하나" },
  summary: {
    en: "Pods die and come back with new IPs; a Service keeps one stable address in front of them.",
    ko: "Pod는 사라지고 새로 생기면서 IP가 바뀝니다. Service는 그 앞에 변하지 않는 주소 하나를 둡니다.",
  },
};
