import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 7,
  slug: "nodeport-weakness",
  title: { en: "NodePort's weak spot: one node", ko: "NodePort의 약점: 노드 하나" },
  summary: {
    en: "A client that knows one node's address loses the app when that node dies, though every pod is fine.",
    ko: "노드 주소 하나만 아는 클라이언트는 그 노드가 죽으면, Pod가 멀쩡해도 앱에 닿지 못합니다.",
  },
};
