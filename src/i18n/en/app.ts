// The frame around a playground: the brand, the language switch, the first screen.
export const app = {
  "app.brand": "Kube Hops",
  "app.graph": "Cluster graph",
  "app.details": "Details",
  "app.lessonTab": "Lesson",
  "app.panelsTab": "Panels",
  "lang.label": "Language",
  "lang.en": "English",
  "lang.ko": "한국어",
};
