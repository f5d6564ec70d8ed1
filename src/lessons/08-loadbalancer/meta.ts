import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 8,
  slug: "loadbalancer",
  title: { en: "LoadBalancer: one address for all nodes", ko: "LoadBalancer: 모든 노드 앞의 주소 하나" },
  summary: {
    en: "An outside address in front of every node's NodePort, and health checks that steer around a dead node.",
    ko: "모든 노드의 NodePort 앞에 놓인 바깥 주소 하나, 그리고 죽은 노드를 피해 가는 헬스 체크.",
  },
};
