// Every lesson, start to end, in English and in Korean, in a real Chromium: each step's action runs,
// each prediction is checked against what the simulation really did, each "try it yourself" edit is
// made and its check passes. Lessons are independent, so they run side by side on one shared browser.
// LESSONS=6,7 limits the run (while writing a lesson); E2E_PORT moves its server.
import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, servePreview } from "./support/browser";
import { type Lang, LessonPage } from "./support/lessonPage";
import { skipFirstVisit } from "./support/playgroundPage";
import { LESSONS } from "../../src/lessons/registry";

let browser: Browser;
let server: { url: string; stop: () => void };

beforeAll(async () => {
  mkdirSync("test-results/lessons", { recursive: true });
  server = await servePreview(Number(process.env.E2E_PORT ?? 4175));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

const only = process.env.LESSONS?.split(",").map(Number);
const lessons = LESSONS.filter((m) => !only || only.includes(m.id));
const LANGS: Lang[] = ["en", "ko"];

describe.concurrent("lessons", () => {
  for (const lang of LANGS)
    for (const meta of lessons)
      it(`lesson ${meta.id} (${meta.slug}) runs start to end in ${lang}`, { timeout: 600_000 }, async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
        const page = await context.newPage();
        // Four lessons share two cores with their simulations: give every wait room.
        page.setDefaultTimeout(90_000);
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await skipFirstVisit(page);
        await page.addInitScript((l) => localStorage.setItem("kube-hops:lang", l), lang);
        await page.goto(`${server.url}#lesson=${meta.id}&step=1`);
        const lesson = new LessonPage(page, lang);
        await lesson.card.waitFor({ timeout: 30_000 });
        const { total } = await lesson.position();
        for (let i = 1; i <= total; i++) {
          expect((await lesson.position()).n).toBe(i);
          const r = await lesson.doStep();
          expect(r.error, `lesson ${meta.id} step ${i}`).toBeNull();
          if (r.predicted) {
            // The verdict names right or wrong and one choice is marked as the real answer.
            expect(r.verdict).toMatch(lang === "en" ? /Right\.|Not quite/ : /맞았습니다|아쉽네요/);
            await expect(lesson.card.locator(".kh-lesson-choice.is-answer").count()).resolves.toBe(1);
          }
          if (i === 1 || r.predicted)
            await page.screenshot({ path: `test-results/lessons/l${meta.id}-s${i}-${lang}.png` });
          if (i < total) await lesson.next();
        }
        await expect(lesson.card.getByText(lesson.w.complete).count()).resolves.toBe(1);
        expect(errors).toEqual([]);
        await context.close();
      });
});
