// Compare: two playgrounds side by side, differing in one setting. Lessons open CompareView with a
// prepared spec; the playground opens CompareSetup from its toolbar (CompareButton).
export { CompareView } from "./lazy";
export type { CompareViewProps } from "./CompareView";
export { CompareSetup, type CompareSetupProps } from "./CompareSetup";
export { CompareButton } from "./CompareButton";
export { compareSpec, type CompareOptions } from "./compareSpec";
export type {
  CompareProblem,
  CompareSetting,
  CompareSpec,
  CompareSpecResult,
  CompareTraffic,
  CompareVariant,
  YamlEdit,
} from "./types";
