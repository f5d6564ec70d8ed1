import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 9,
  slug: "etp-local",
  title: { en: "externalTrafficPolicy: Local", ko: "externalTrafficPolicy: Local" },
  summary: {
    en: "No extra hop and the client's IP kept, but drops on nodes without pods, a health check, and uneven load.",
    ko: "추가 홉이 없고 클라이언트 IP도 남지만, Pod 없는 노드에서의 드롭, 헬스 체크, 고르지 않은 부하가 따라옵니다.",
  },
};
