// English: the source of every message key. Each area of the interface keeps its messages in its own
// file here (and the same file name under ko/), so that work on one area never touches another's.
import { animation } from "./animation";
import { app } from "./app";
import { hop } from "./hop";
import { lessons } from "./lessons";
import { narration } from "./narration";
import { result } from "./result";

export const en = {
  ...app,
  ...lessons,
  ...result,
  ...narration,
  ...animation,
  ...hop,
};

export type Messages = typeof en;
/** A key, or the base of a plural pair (`x` for `x_one` / `x_other`, chosen by `count`). */
export type MessageKey =
  keyof Messages | (keyof Messages extends infer K ? (K extends `${infer B}_other` ? B : never) : never);
