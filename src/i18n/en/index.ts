// English: the source of every message key. Each area of the interface keeps its messages in its own
// file here (and the same file name under ko/), so that work on one area never touches another's.
import { app } from "./app";
import { compare } from "./compare";

export const en = {
  ...app,
  ...compare,
};

export type Messages = typeof en;
export type MessageKey = keyof Messages;
