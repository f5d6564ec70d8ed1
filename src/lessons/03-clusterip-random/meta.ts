import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 3,
  slug: "clusterip-random",
  title: { en: "ClusterIP: kube-proxy rolls the dice", ko: "ClusterIP: kube-proxy는 주사위를 굴린다" },
  summary: {
    en: "A virtual IP rewritten on every node, and how a random choice spreads many requests.",
    ko: "모든 노드의 규칙이 Pod 주소로 바꿔 주는 가상 IP, 그리고 무작위 선택이 많은 요청을 나누는 방식.",
  },
};
