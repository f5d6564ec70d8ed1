// Binds one CodeMirror view to the playground store: typing is sent (debounced) with setYaml, text that
// changes from outside (graph actions, undo, revert) is merged in as a minimal change so the cursor
// stays put, and diagnostics are placed in the document as it is now.
import { forEachDiagnostic, setDiagnostics } from "@codemirror/lint";
import { Compartment, EditorState, Transaction } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import { phrase, type Phrase } from "../../i18n/phrase";
import { useT } from "../../i18n/react";
import { usePlaygroundApi } from "../../store/context";
import { createDebouncer, type Debouncer } from "./debounce";
import { diffTexts, normalizeNewlines } from "./diagnosticRanges";
import { editorWords, fromStore, yamlEditorExtensions } from "./extensions";
import { type Problem, toProblems } from "./lintDiagnostics";

const SEND_DELAY_MS = 400;

interface YamlView {
  /** Typing not yet sent. */
  pending: boolean;
  /** Sent and waiting for the engine's answer. */
  checking: boolean;
  problems: Problem[];
  /** Sends the editor's text now. */
  applyNow(): void;
  /** Drops what was typed since the last good text and loads that text again. */
  revert(): void;
  /** Moves the cursor to a problem's current place and focuses the editor. */
  jumpTo(p: Problem): void;
}

export function useYamlView(host: RefObject<HTMLDivElement | null>, describedBy: string): YamlView {
  const api = usePlaygroundApi();
  const t = useT();
  const words = useRef(new Compartment());
  const tRef = useRef(t);
  const [pending, setPending] = useState(false);
  const [checking, setChecking] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const viewRef = useRef<EditorView | null>(null);
  const debounceRef = useRef<Debouncer<EditorView> | null>(null);
  const sendRef = useRef<((view: EditorView, label: Phrase) => void) | null>(null);

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    let inFlight = 0;
    const send = (view: EditorView, label = phrase("history.editYaml")) => {
      setPending(false);
      setChecking(true);
      inFlight++;
      void api
        .getState()
        .setYaml(view.state.doc.toString(), { record: label })
        .finally(() => {
          if (--inFlight === 0) setChecking(false);
        });
    };
    const debounce = createDebouncer((v: EditorView) => send(v), SEND_DELAY_MS);
    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc: normalizeNewlines(api.getState().yaml),
        extensions: [
          yamlEditorExtensions({
            describedBy,
            onUserChange: () => {
              debounce.schedule(view);
              setPending(true);
            },
          }),
          words.current.of(editorWords(tRef.current)),
        ],
      }),
    });
    viewRef.current = view;
    debounceRef.current = debounce;
    sendRef.current = send;

    const showDiagnostics = () => {
      const s = api.getState();
      const ps = toProblems(s.diagnostics, s.yaml, view.state.doc);
      view.dispatch(
        setDiagnostics(
          view.state,
          ps.map((p) => p.lint),
        ),
      );
      setProblems(ps);
    };
    const followStore = (text: string) => {
      const next = normalizeNewlines(text);
      const doc = view.state.doc.toString();
      if (next === doc) return;
      // The text changed from outside while the person may have been typing: the store's text wins.
      debounce.cancel();
      setPending(false);
      view.dispatch({
        changes: diffTexts(doc, next),
        annotations: [fromStore.of(true), Transaction.addToHistory.of(false)],
      });
    };

    showDiagnostics();
    const unsubscribe = api.subscribe((s, prev) => {
      if (s.yaml !== prev.yaml) followStore(s.yaml);
      if (s.diagnostics !== prev.diagnostics) showDiagnostics();
    });
    // Nothing typed is lost on reload: send what waits (the store autosaves it) when the page goes away.
    const onPageHide = () => debounce.flush();
    window.addEventListener("pagehide", onPageHide);

    return () => {
      window.removeEventListener("pagehide", onPageHide);
      unsubscribe();
      debounce.flush();
      view.destroy();
      viewRef.current = null;
      debounceRef.current = null;
      sendRef.current = null;
    };
  }, [api, host, describedBy]);

  // A language switch re-words the open editor without rebuilding it (its undo history stays).
  useEffect(() => {
    if (tRef.current === t) return;
    tRef.current = t;
    viewRef.current?.dispatch({ effects: words.current.reconfigure(editorWords(t)) });
  }, [t]);

  const applyNow = useCallback(() => {
    const view = viewRef.current;
    const debounce = debounceRef.current;
    if (!view || !debounce) return;
    debounce.schedule(view);
    debounce.flush();
  }, []);

  const revert = useCallback(() => {
    const view = viewRef.current;
    const send = sendRef.current;
    if (!view || !send) return;
    debounceRef.current?.cancel();
    const good = normalizeNewlines(api.getState().appliedYaml);
    // An edit in the editor's own history (Ctrl+Z brings the broken text back), sent at once.
    view.dispatch({
      changes: diffTexts(view.state.doc.toString(), good),
      annotations: fromStore.of(true),
      userEvent: "revert",
    });
    send(view, phrase("history.revertYaml"));
  }, [api]);

  const jumpTo = useCallback((p: Problem) => {
    const view = viewRef.current;
    if (!view) return;
    let at = Math.min(p.lint.from, view.state.doc.length);
    forEachDiagnostic(view.state, (d, from) => {
      if (d === p.lint) at = from;
    });
    view.dispatch({
      selection: { anchor: at },
      effects: EditorView.scrollIntoView(at, { y: "center" }),
    });
    view.focus();
  }, []);

  return { pending, checking, problems, applyNow, revert, jumpTo };
}
