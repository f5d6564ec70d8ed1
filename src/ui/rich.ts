// A translated message with elements in it: the translation decides where "{share}" goes, the view
// gives the element (a <strong>, a <code>), so no sentence is cut into pieces for translators.
import { createElement, Fragment, type ReactNode } from "react";

const PLACEHOLDER = /\{(\w+)\}/;

/** `template` with each `{name}` of `nodes` replaced by its element; an unknown one stays visible. */
export function rich(template: string, nodes: Record<string, ReactNode>): ReactNode[] {
  // split() with a capture group alternates text and placeholder names: text, name, text, ...
  return template
    .split(PLACEHOLDER)
    .map((part, i) =>
      i % 2 === 0
        ? part
        : createElement(
            Fragment,
            { key: i },
            Object.prototype.hasOwnProperty.call(nodes, part) ? nodes[part] : `{${part}}`,
          ),
    );
}
