// A page object for a lesson: it walks every step as a learner would (answers the prediction, runs the
// step, walks a narrated packet to its end, makes the edit with "Show me") and reads what the page says.
import type { Page } from "playwright-core";

/** The learner's words for the controls, per language (the accessible names the page announces). */
export const WORDS = {
  en: {
    run: "Run",
    next: "Next",
    skip: "Skip ahead",
    showMe: "Show me",
    done: "Done",
    complete: "Lesson complete.",
    taskDone: /Done: the check passes/,
    narration: "Narration",
  },
  ko: {
    run: "실행",
    next: "다음",
    skip: "건너뛰기",
    showMe: "보여 주기",
    done: "완료",
    complete: "레슨을 마쳤습니다.",
    taskDone: /완료: 확인을 통과했습니다/,
    narration: "해설",
  },
} as const;

export type Lang = keyof typeof WORDS;

export interface StepReport {
  step: number;
  predicted: boolean;
  verdict: string | null;
  ran: boolean;
  task: boolean;
  error: string | null;
}

export class LessonPage {
  readonly w: (typeof WORDS)[Lang];

  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {
    this.w = WORDS[lang];
  }

  get card() {
    return this.page.locator(".kh-lesson");
  }

  /** "Step n of total" as numbers. */
  async position(): Promise<{ n: number; total: number }> {
    const bar = this.card.getByRole("progressbar");
    const [n, total] = await Promise.all([
      bar.getAttribute("aria-valuenow"),
      bar.getAttribute("aria-valuemax"),
    ]);
    return { n: Number(n), total: Number(total) };
  }

  /** Does what the current step asks, start to end, and says what happened. */
  async doStep(): Promise<StepReport> {
    const { n } = await this.position();
    const report: StepReport = {
      step: n,
      predicted: false,
      verdict: null,
      ran: false,
      task: false,
      error: null,
    };
    const radios = this.card.locator(".kh-lesson-predict input[type=radio]");
    if ((await radios.count()) > 0) {
      await radios.first().check();
      report.predicted = true;
    }
    const run = this.card.getByRole("button", { name: this.w.run, exact: false }).filter({ hasText: "▶" });
    if ((await run.count()) > 0) {
      await run.click();
      report.ran = true;
      await this.finishRun();
    }
    const error = this.card.locator(".kh-lesson-error");
    if ((await error.count()) > 0) report.error = await error.innerText();
    if (report.predicted) {
      const verdict = this.card.locator(".kh-lesson-verdict");
      await verdict.waitFor({ timeout: 60_000 });
      report.verdict = await verdict.innerText();
    }
    const showMe = this.card.getByRole("button", { name: this.w.showMe });
    if ((await showMe.count()) > 0) {
      report.task = true;
      await showMe.click();
      await this.card.getByText(this.w.taskDone).waitFor({ timeout: 60_000 });
    }
    return report;
  }

  /** Waits for the step's run to end, walking a narration and skipping long waits. */
  private async finishRun(): Promise<void> {
    const running = this.card.locator(".kh-lesson-run[role=status]");
    const narration = this.page.getByRole("region", { name: this.w.narration });
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline) {
      if ((await running.count()) === 0) return;
      if ((await narration.count()) > 0) {
        const done = narration.getByRole("button", { name: this.w.done, exact: true });
        const next = narration.getByRole("button", { name: new RegExp(`^${this.w.next}`) });
        if ((await done.count()) > 0) await done.click();
        else if (await next.isEnabled({ timeout: 1_000 }).catch(() => false)) await next.click();
      } else {
        const skip = this.card.getByRole("button", { name: new RegExp(this.w.skip) });
        // The run may end between the look and the click, taking the button away: then there is no
        // need to skip, and neither the look nor the click may wait for a button that will not come back.
        if ((await skip.count()) > 0 && (await skip.isEnabled({ timeout: 1_000 }).catch(() => false)))
          await skip.click({ timeout: 1_000 }).catch(() => undefined);
      }
      await this.page.waitForTimeout(300);
    }
    const seen = (await narration.count()) ? await narration.innerText() : "no narration";
    throw new Error(`the step's run did not end within 240 s (${seen.replace(/\s+/g, " ")})`);
  }

  async next(): Promise<void> {
    await this.card.locator(".kh-lesson-nav .kh-btn-primary").click();
  }
}
