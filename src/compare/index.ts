// Compare: two playgrounds side by side, differing in one setting. Lessons open CompareView with a
// prepared spec; the playground opens CompareSetup from its toolbar (CompareButton).
export { CompareView } from "./lazy";
export { compareSpec } from "./compareSpec";
export type { CompareSpec } from "./types";
