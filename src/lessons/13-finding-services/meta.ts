import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 13,
  slug: "finding-services",
  title: { en: "Finding a Service: variables and DNS", ko: "Service 찾기: 환경 변수와 DNS" },
  summary: {
    en: "Environment variables only know Services older than the pod; DNS names work any time, along the search path.",
    ko: "환경 변수는 Pod보다 먼저 생긴 Service만 압니다. DNS 이름은 언제든 search 경로를 따라 찾아집니다.",
  },
};
