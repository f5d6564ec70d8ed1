import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 5,
  slug: "ports-by-name",
  title: { en: "Several ports, and targetPort by name", ko: "여러 포트, 그리고 이름으로 쓰는 targetPort" },
  summary: {
    en: "port and targetPort, two ports on one Service, and a named targetPort that follows the container.",
    ko: "port와 targetPort, Service 하나에 포트 둘, 그리고 컨테이너를 따라가는 이름 있는 targetPort.",
  },
};
