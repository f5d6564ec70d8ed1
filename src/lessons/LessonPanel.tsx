// One lesson, step by step, beside the graph: the story, a prediction checked against the run, what to
// notice, and an edit to try that is checked live. Steps and their results are the learner's to move
// through freely; progress is remembered.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { type Message, say as sayMessage } from "../i18n/phrase";
import { useLang, useT } from "../i18n/react";
import { usePlayground, usePlaygroundApi } from "../store/context";
import { selectCluster } from "../store/selectors";
import { Highlight } from "../ui/Highlight";
import { InlineText, RichText } from "./RichText";
import { LessonRunner, viewOf } from "./runner";
import type { Lesson, Outcome, Step } from "./types";
import { describeActions, say } from "./words";
import "./lessons.css";

interface LessonPanelProps {
  lesson: Lesson;
  step: number;
  onStep(step: number): void;
  onClose(): void;
  /** The next lesson's title, when there is one. */
  next: { id: number; title: string } | null;
  onNextLesson(): void;
  onCompare?(step: Step): void;
}

export function LessonPanel(props: LessonPanelProps) {
  const { lesson, step, onStep, onClose } = props;
  const t = useT();
  const { lang } = useLang();
  const s = lesson.steps[step]!;
  const last = step === lesson.steps.length - 1;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [step]);
  return (
    <section className="kh-lesson" aria-label={t("lessons.lesson", { n: lesson.id })}>
      <header className="kh-lesson-head">
        <span className="kh-lesson-kicker">{t("lessons.lesson", { n: lesson.id })}</span>
        <h2 ref={headingRef} tabIndex={-1}>
          <InlineText text={say(lesson.title, lang)} />
        </h2>
        <button
          type="button"
          className="kh-btn kh-btn-quiet"
          title={t("lessons.freePlayTitle")}
          onClick={onClose}
        >
          {t("lessons.freePlay")}
        </button>
      </header>
      <div
        className="kh-lesson-steps"
        role="progressbar"
        aria-valuemin={1}
        aria-valuemax={lesson.steps.length}
        aria-valuenow={step + 1}
        aria-valuetext={t("lessons.stepOf", { n: step + 1, total: lesson.steps.length })}
      >
        <span className="kh-small kh-muted">
          {t("lessons.stepOf", { n: step + 1, total: lesson.steps.length })}
        </span>
        <span className="kh-lesson-dots" aria-hidden="true">
          {lesson.steps.map((_, i) => (
            <span key={i} className={i < step ? "is-past" : i === step ? "is-now" : ""} />
          ))}
        </span>
      </div>
      <StepView key={`${lesson.id}:${step}`} step={s} onCompare={props.onCompare} />
      <footer className="kh-lesson-nav">
        <button type="button" className="kh-btn" disabled={step === 0} onClick={() => onStep(step - 1)}>
          ← {t("lessons.back")}
        </button>
        {!last ? (
          <button type="button" className="kh-btn kh-btn-primary" onClick={() => onStep(step + 1)}>
            {t("lessons.next")} →
          </button>
        ) : props.next ? (
          <button type="button" className="kh-btn kh-btn-primary" onClick={props.onNextLesson}>
            {t("lessons.nextLesson", { title: props.next.title })} →
          </button>
        ) : (
          <button type="button" className="kh-btn kh-btn-primary" onClick={onClose}>
            {t("lessons.finish")}
          </button>
        )}
      </footer>
      {last && (
        <p className="kh-lesson-complete" role="status">
          {t("lessons.complete")}
        </p>
      )}
    </section>
  );
}

type RunState =
  | { kind: "ready" }
  | { kind: "running" }
  | { kind: "done"; outcome: Outcome }
  | { kind: "error"; message: Message };

function StepView({ step, onCompare }: { step: Step; onCompare?: (s: Step) => void }) {
  const t = useT();
  const { lang } = useLang();
  const api = usePlaygroundApi();
  const cluster = usePlayground(selectCluster);
  const runner = useMemo(() => new LessonRunner(api), [api]);
  const [choice, setChoice] = useState<string | null>(null);
  const [run, setRun] = useState<RunState>({ kind: "ready" });
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  const start = async () => {
    if (!step.run) return;
    setRun({ kind: "running" });
    const r = await runner.run(step.run);
    if (!live.current) return;
    setRun(r.ok ? { kind: "done", outcome: r.outcome } : { kind: "error", message: r.error });
  };
  const p = step.predict;
  const narrated = !!step.run?.some((a) => "send" in a && a.narrate);
  const outcome = run.kind === "done" ? run.outcome : null;
  const answer = p && outcome ? p.answer(outcome) : null;
  const answerLabel = p?.choices.find((c) => c.id === answer);

  return (
    <div className="kh-lesson-body">
      <Highlight places={step.highlight ?? []} cluster={cluster} />
      <div className="kh-lesson-text">
        <RichText text={say(step.text, lang)} />
      </div>
      {p && (
        <fieldset
          className="kh-lesson-predict"
          disabled={run.kind !== "ready"}
          aria-label={`${t("lessons.predict")}: ${say(p.question, lang).replace(/[`*]/g, "")}`}
        >
          <div className="kh-lesson-question">
            <span className="kh-lesson-tag">{t("lessons.predict")}</span>{" "}
            <InlineText text={say(p.question, lang)} />
          </div>
          {p.choices.map((c) => (
            <label key={c.id} className={`kh-lesson-choice${answer === c.id ? " is-answer" : ""}`}>
              <input
                type="radio"
                name="kh-lesson-predict"
                value={c.id}
                checked={choice === c.id}
                onChange={() => setChoice(c.id)}
              />
              <span>
                <InlineText text={say(c.label, lang)} />
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {step.run && run.kind === "ready" && (
        <div className="kh-lesson-run">
          <button
            type="button"
            className="kh-btn kh-btn-primary"
            disabled={!!p && choice === null}
            onClick={() => void start()}
          >
            ▶ {t("lessons.run")}
          </button>
          <span className="kh-small kh-muted">{describeActions(t, step.run, cluster)}</span>
          {p && choice === null && <p className="kh-small kh-muted">{t("lessons.predictFirst")}</p>}
        </div>
      )}
      {run.kind === "running" && (
        <div className="kh-lesson-run" role="status">
          <span>{t("lessons.running")}</span>
          {/* A narrated request is walked with the caption's own buttons, not skipped over. */}
          {!narrated && (
            <button
              type="button"
              className="kh-btn"
              title={t("lessons.skipTitle")}
              onClick={() => void runner.skip()}
            >
              {t("lessons.skip")}
            </button>
          )}
        </div>
      )}
      {run.kind === "error" && (
        <p className="kh-lesson-error" role="alert">
          {sayMessage(t, run.message)}
        </p>
      )}
      {p && outcome && answer !== null && (
        <div className={`kh-lesson-verdict ${choice === answer ? "is-right" : "is-wrong"}`} role="status">
          <strong className="kh-lesson-verdict-head">
            {choice === answer
              ? `✓ ${t("lessons.right")}`
              : `✗ ${t("lessons.wrong", { answer: answerLabel ? say(answerLabel.label, lang) : answer })}`}
          </strong>
          <RichText text={say(p.explain, lang, p.facts?.(outcome))} />
        </div>
      )}
      {step.notice && (outcome || !step.run) && (
        <div className="kh-lesson-notice">
          <span className="kh-lesson-tag">{t("lessons.notice")}</span>
          <RichText text={say(step.notice, lang, outcome ? step.noticeFacts?.(outcome) : undefined)} />
        </div>
      )}
      {step.task && <TaskView task={step.task} runner={runner} />}
      {step.compare && onCompare && (
        <button type="button" className="kh-btn" onClick={() => onCompare(step)}>
          {t("lessons.compare")}
        </button>
      )}
    </div>
  );
}

function TaskView({ task, runner }: { task: NonNullable<Step["task"]>; runner: LessonRunner }) {
  const t = useT();
  const { lang } = useLang();
  const api = usePlaygroundApi();
  const done = useSyncExternalStore(api.subscribe, () => task.check(viewOf(api.getState())));
  const [busy, setBusy] = useState(false);
  return (
    <div className={`kh-lesson-task${done ? " is-done" : ""}`}>
      <span className="kh-lesson-tag">{t("lessons.try")}</span>
      <RichText text={say(task.goal, lang)} />
      <details>
        <summary>{t("lessons.hint")}</summary>
        <RichText text={say(task.hint, lang)} />
      </details>
      <div className="kh-lesson-run">
        <button
          type="button"
          className="kh-btn"
          disabled={done || busy}
          onClick={async () => {
            setBusy(true);
            await runner.run(task.solution);
            setBusy(false);
          }}
        >
          {t("lessons.showMe")}
        </button>
        <span role="status" className={done ? "kh-lesson-ok" : "kh-small kh-muted"}>
          {done ? `✓ ${t("lessons.taskDone")}` : t("lessons.taskWaiting")}
        </span>
      </div>
    </div>
  );
}
