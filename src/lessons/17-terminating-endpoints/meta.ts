import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 17,
  slug: "terminating-endpoints",
  title: { en: "Rolling a pod away gracefully", ko: "Pod를 우아하게 내보내기" },
  summary: {
    en: "A deleted pod's endpoint turns terminating: no new connections, open ones served for the grace period, and a fallback when nothing else is ready.",
    ko: "지워지는 Pod의 엔드포인트는 terminating이 됩니다. 새 연결은 받지 않고, 열린 연결은 유예 기간 동안 처리하며, 준비된 다른 엔드포인트가 없을 때는 대신 쓰입니다.",
  },
};
