import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 14,
  slug: "selectorless-endpoints",
  title: { en: "A Service without a selector", ko: "selector 없는 Service" },
  summary: {
    en: "Endpoints written by hand: a database outside the cluster, and pod IPs that nobody keeps up to date.",
    ko: "직접 쓰는 Endpoints: 클러스터 밖의 데이터베이스, 그리고 아무도 갱신해 주지 않는 Pod IP.",
  },
};
