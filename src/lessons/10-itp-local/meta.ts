import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 10,
  slug: "itp-local",
  title: { en: "internalTrafficPolicy: Local", ko: "internalTrafficPolicy: Local" },
  summary: {
    en: "Pods inside the cluster reach only the endpoints on their own node, or none at all.",
    ko: "클러스터 안의 Pod가 자기 노드에 있는 엔드포인트에만 닿습니다. 없으면 아무 데도 못 갑니다.",
  },
};
