import type { KoTable } from "./types";

export const app: KoTable<typeof import("../en/app").app> = {
  "app.brand": "Kube Hops",
  "app.graph": "클러스터 그래프",
  "app.details": "상세 정보",
  "app.lessonTab": "레슨",
  "app.panelsTab": "패널",
  "lang.label": "언어",
  "lang.en": "English",
  "lang.ko": "한국어",
};
