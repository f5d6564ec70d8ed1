import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 18,
  slug: "api-errors",
  title: { en: "Reading the API server's errors", ko: "API 서버의 오류 읽기" },
  summary: {
    en: "Lowercase tcp, a tab, a missing space, a nodePort out of range, unnamed ports: each message, what it means, and the fix.",
    ko: "소문자 tcp, 탭, 빠진 공백, 범위 밖 nodePort, 이름 없는 포트: 메시지마다 뜻과 고치는 법.",
  },
};
