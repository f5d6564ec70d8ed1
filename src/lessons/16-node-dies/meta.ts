import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 16,
  slug: "node-dies",
  title: { en: "A node dies", ko: "노드가 죽으면" },
  summary: {
    en: "50 seconds of blind timeouts, NotReady, five minutes until eviction, and pods that never move back on their own.",
    ko: "50초 동안 영문 모를 타임아웃, NotReady, 축출까지 5분, 그리고 스스로 돌아오지 않는 Pod.",
  },
};
