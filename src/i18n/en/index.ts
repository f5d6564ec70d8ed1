// English: the source of every message key. Each area of the interface keeps its messages in its own
// file here (and the same file name under ko/), so that work on one area never touches another's.
import { animation } from "./animation";
import { app } from "./app";
import { hop } from "./hop";

export const en = {
  ...app,
  ...animation,
  ...hop,
};

export type Messages = typeof en;
export type MessageKey = keyof Messages;
