// The frame around a playground: the brand, the language switch, the first screen.
export const app = {
  "app.brand": "Kube Hops",
  "app.graph": "Cluster graph",
  "app.details": "Details",
  "lang.label": "Language",
  "lang.en": "English",
  "lang.ko": "한국어",
};
