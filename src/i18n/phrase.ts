// A message kept as data until it is shown: the store holds notices and undo labels this way, so the
// view words them in the language of the moment (a switch re-words what is on screen). `Verbatim` is
// for text that arrives already written, from the engine or the worker.
import type { Params, T } from "./core";
import type { MessageKey } from "./en";

export interface Phrase {
  key: MessageKey;
  params?: Params;
}

interface Verbatim {
  text: string;
}

export type Message = Phrase | Verbatim;

export const phrase = (key: MessageKey, params?: Params): Phrase => (params ? { key, params } : { key });

/** A message in words: a phrase translated, verbatim text as it came. */
export const say = (t: T, m: Message): string => ("text" in m ? m.text : t(m.key, m.params));
