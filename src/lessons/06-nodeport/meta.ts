import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 6,
  slug: "nodeport",
  title: { en: "NodePort: a door on every node", ko: "NodePort: 모든 노드에 열리는 문" },
  summary: {
    en: "nodePort → port → targetPort, the extra hop, and the client IP that gets lost.",
    ko: "nodePort → port → targetPort, 추가 홉, 그리고 사라지는 클라이언트 IP.",
  },
};
