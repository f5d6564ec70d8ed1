import type { LessonMeta } from "../types";

export const meta: LessonMeta = {
  id: 11,
  slug: "headless",
  title: { en: "Headless Services: DNS returns the pods", ko: "Headless Service: DNS가 Pod를 알려 준다" },
  summary: {
    en: "With `clusterIP: None` there is no virtual IP and no kube-proxy: DNS hands out the pods' own addresses.",
    ko: "`clusterIP: None`이면 가상 IP도 kube-proxy도 없습니다. DNS가 Pod 자신의 주소를 내줍니다.",
  },
};
