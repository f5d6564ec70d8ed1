// English words for tests of helpers that take `t`: their assertions read as the interface does.
import { makeT, type T } from "./core";
import { en } from "./en";

export const enT: T = makeT("en", en, en);
