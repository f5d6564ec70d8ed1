import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 4,
  slug: "connections-affinity",
  title: { en: "Connections, not requests", ko: "요청이 아니라 연결을 나눈다" },
  summary: {
    en: "curl spreads, a keep-alive browser sticks to one pod; sessionAffinity: ClientIP and its timeout.",
    ko: "curl은 흩어지고, keep-alive 브라우저는 한 Pod에 붙습니다. sessionAffinity: ClientIP와 그 타임아웃.",
  },
};
