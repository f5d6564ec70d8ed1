// The CodeMirror setup for the YAML editor: language, highlighting, line numbers, its own undo history,
// lint gutter, two-space indentation and a theme drawn from the playground's CSS variables (so light,
// dark and projector mode follow .kh-app without reconfiguring the editor).
import { defaultKeymap, history, historyKeymap, indentLess, indentMore } from "@codemirror/commands";
import { yaml } from "@codemirror/lang-yaml";
import { HighlightStyle, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, lintKeymap } from "@codemirror/lint";
import { Annotation, EditorSelection, EditorState, type Extension } from "@codemirror/state";
import {
  type Command,
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { tags as t } from "@lezer/highlight";
import type { T } from "../../i18n/core";

const INDENT = 2;

/** Tab: indent a selection, or insert spaces up to the next two-column stop at the cursor. */
const tabIndent: Command = (view) => {
  const { state } = view;
  if (state.readOnly) return false;
  if (state.selection.ranges.some((r) => !r.empty)) return indentMore(view);
  view.dispatch(
    state.changeByRange((range) => {
      const line = state.doc.lineAt(range.head);
      const n = INDENT - ((range.head - line.from) % INDENT);
      return {
        changes: { from: range.head, insert: " ".repeat(n) },
        range: EditorSelection.cursor(range.head + n),
      };
    }),
    { scrollIntoView: true, userEvent: "input.indent" },
  );
  return true;
};

const highlight = HighlightStyle.define([
  { tag: t.definition(t.propertyName), color: "var(--kh-yaml-key)" },
  { tag: [t.string, t.special(t.string)], color: "var(--kh-yaml-string)" },
  { tag: t.content, color: "var(--kh-yaml-value)" },
  { tag: [t.lineComment, t.comment], color: "var(--kh-yaml-comment)", fontStyle: "italic" },
  { tag: [t.meta, t.keyword], color: "var(--kh-yaml-meta)", fontWeight: "600" },
  { tag: [t.labelName, t.typeName], color: "var(--kh-yaml-meta)" },
  { tag: [t.separator, t.punctuation, t.squareBracket, t.brace], color: "var(--kh-yaml-punct)" },
]);

const theme = EditorView.theme({
  "&": {
    height: "100%",
    color: "var(--kh-yaml-fg)",
    backgroundColor: "var(--kh-yaml-bg)",
    fontSize: "var(--kh-yaml-font, 13px)",
  },
  "&.cm-focused": { outline: "2px solid var(--kh-yaml-focus)", outlineOffset: "-2px" },
  ".cm-scroller": {
    fontFamily: 'ui-monospace, "SF Mono", Menlo, Consolas, "D2Coding", monospace',
    lineHeight: "1.5",
    overflow: "auto",
  },
  ".cm-content": { caretColor: "var(--kh-yaml-fg)", padding: "6px 0" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--kh-yaml-fg)", borderLeftWidth: "2px" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
    { backgroundColor: "var(--kh-yaml-selection)" },
  ".cm-activeLine": { backgroundColor: "var(--kh-yaml-active)" },
  ".cm-gutters": {
    backgroundColor: "var(--kh-yaml-gutter-bg)",
    color: "var(--kh-yaml-gutter-fg)",
    borderRight: "1px solid var(--kh-yaml-border)",
  },
  ".cm-activeLineGutter": { backgroundColor: "var(--kh-yaml-active)", color: "var(--kh-yaml-fg)" },
  ".cm-lineNumbers .cm-gutterElement": { padding: "0 6px 0 8px", minWidth: "2.5ch" },
  ".cm-gutter-lint": { width: "1.1em" },
  ".cm-gutter-lint .cm-gutterElement": { padding: "0 0 0 2px" },
  ".cm-tooltip": {
    backgroundColor: "var(--kh-yaml-tooltip-bg)",
    color: "var(--kh-yaml-fg)",
    border: "1px solid var(--kh-yaml-border)",
    borderRadius: "6px",
    boxShadow: "0 4px 14px rgba(0, 0, 0, 0.18)",
    maxWidth: "min(420px, 90vw)",
    fontFamily: 'system-ui, "Noto Sans KR", sans-serif',
    fontSize: "var(--kh-yaml-tip-font, 13px)",
  },
  ".cm-tooltip-lint": { padding: "2px 0" },
  ".cm-diagnostic": { padding: "4px 10px 4px 8px", whiteSpace: "normal", lineHeight: "1.4" },
  ".cm-diagnostic-error": { borderLeftColor: "var(--kh-yaml-error)" },
  ".cm-diagnostic-warning": { borderLeftColor: "var(--kh-yaml-warning)" },
  ".cm-diagnostic-info": { borderLeftColor: "var(--kh-yaml-info)" },
  ".kh-yaml-diag-where": {
    display: "block",
    fontFamily: "ui-monospace, Menlo, Consolas, monospace",
    fontSize: "0.9em",
    color: "var(--kh-yaml-muted)",
    marginBottom: "2px",
    overflowWrap: "anywhere",
  },
});

/** Marks transactions that bring the store's text into the editor (not typed by the person). */
export const fromStore = Annotation.define<boolean>();

interface EditorSetup {
  /** Called after every change the person makes (not ones marked `fromStore`). */
  onUserChange: () => void;
  /** The id of an element describing the editor (its keyboard hint). */
  describedBy?: string;
}

/**
 * The editor's words in the page's language: its accessible name and CodeMirror's own phrases (the lint
 * panel, screen-reader announcements). Kept apart so a language switch reconfigures only this.
 */
export function editorWords(tr: T): Extension {
  return [
    EditorView.contentAttributes.of({ "aria-label": tr("editor.aria") }),
    EditorState.phrases.of({
      Diagnostics: tr("editor.cm.diagnostics"),
      "No diagnostics": tr("editor.cm.noDiagnostics"),
      close: tr("editor.cm.close"),
      "Selection deleted": tr("editor.cm.selectionDeleted"),
      "Control character": tr("editor.cm.controlCharacter"),
    }),
  ];
}

export function yamlEditorExtensions({ onUserChange, describedBy }: EditorSetup): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    lintGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    EditorState.tabSize.of(INDENT),
    indentUnit.of(" ".repeat(INDENT)),
    yaml(),
    syntaxHighlighting(highlight),
    keymap.of([
      { key: "Tab", run: tabIndent, shift: indentLess },
      ...defaultKeymap,
      ...historyKeymap,
      ...lintKeymap,
    ]),
    EditorView.contentAttributes.of({
      ...(describedBy ? { "aria-describedby": describedBy } : {}),
      spellcheck: "false",
      autocapitalize: "off",
      autocorrect: "off",
    }),
    // A narrow side panel or blog column: long comments wrap rather than scroll sideways.
    EditorView.lineWrapping,
    theme,
    EditorView.updateListener.of((u) => {
      if (u.docChanged && u.transactions.some((tr) => tr.docChanged && !tr.annotation(fromStore)))
        onUserChange();
    }),
  ];
}
