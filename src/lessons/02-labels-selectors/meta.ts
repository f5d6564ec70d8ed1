import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 2,
  slug: "labels-selectors",
  title: { en: "Labels and selectors make the endpoints", ko: "label과 selector가 endpoint를 만든다" },
  summary: {
    en: "A Service sends to every pod its selector matches, whoever made it; change a label and the pod leaves.",
    ko: "Service는 누가 만들었든 selector에 맞는 Pod 모두에게 보냅니다. label을 바꾸면 Pod는 빠집니다.",
  },
};
