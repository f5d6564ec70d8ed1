// Every lesson of the course, read as data: its scenario loads, its texts exist in both languages, it
// asks for at least one prediction and ends with something to try, and what it points at on the graph
// exists in its cluster. (The browser test runs each one; this catches mistakes in seconds.)
import { describe, expect, it } from "vitest";
// eslint-disable-next-line no-restricted-imports -- every lesson's scenario must load in the model
import { loadManifests } from "../model/load";
import { LESSONS, loadLesson } from "./registry";
import type { L, Lesson } from "./types";

const texts = (l: Lesson): L[] =>
  [l.title, l.summary].concat(
    l.steps.flatMap((s) => [
      s.text,
      ...(s.notice ? [s.notice] : []),
      ...(s.predict ? [s.predict.question, s.predict.explain, ...s.predict.choices.map((c) => c.label)] : []),
      ...(s.task ? [s.task.goal, s.task.hint] : []),
    ]),
  );

describe("the course", () => {
  it("numbers its lessons 1, 2, 3... with no gap or repeat", () => {
    expect(LESSONS.map((m) => m.id)).toEqual(LESSONS.map((_, i) => i + 1));
  });

  for (const meta of LESSONS)
    describe(`lesson ${meta.id} (${meta.slug})`, () => {
      it("loads with its metadata", async () => {
        const lesson = (await loadLesson(meta.id))!;
        expect(lesson.id).toBe(meta.id);
        expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
      });

      it("has every text in English and in Korean, with the same placeholders", async () => {
        const lesson = (await loadLesson(meta.id))!;
        const names = (s: string) =>
          [...s.matchAll(/\{(\w+)\}/g)]
            .map((m) => m[1])
            .sort()
            .join();
        for (const l of texts(lesson)) {
          expect(l.en.trim().length, JSON.stringify(l)).toBeGreaterThan(0);
          expect(l.ko.trim().length, JSON.stringify(l)).toBeGreaterThan(0);
          // Korean, unless it is a bare Kubernetes term or two ("externalTrafficPolicy: Local").
          const term = l.ko === l.en && l.en.split(/\s+/).length <= 3;
          expect(term || /[가-힣]/.test(l.ko), `Korean text: ${l.ko}`).toBe(true);
          expect(names(l.ko), JSON.stringify(l)).toBe(names(l.en));
        }
      });

      it("asks for a prediction and ends with something to try", async () => {
        const lesson = (await loadLesson(meta.id))!;
        expect(lesson.steps.some((s) => s.predict && s.run)).toBe(true);
        expect(lesson.steps.at(-1)!.task).toBeDefined();
        for (const s of lesson.steps.filter((x) => x.predict)) {
          const ids = s.predict!.choices.map((c) => c.id);
          expect(new Set(ids).size).toBe(ids.length);
        }
      });

      it("points only at places its cluster has", async () => {
        const lesson = (await loadLesson(meta.id))!;
        const { cluster } = loadManifests([{ file: "scenario.yaml", text: lesson.scenario }]);
        const places = new Set([
          ...cluster.nodes.map((n) => `node:${n.metadata.name}`),
          ...cluster.services.map((s) => `svc:${s.metadata.namespace ?? "default"}/${s.metadata.name}`),
          ...cluster.services.map((s) => `lb:${s.metadata.namespace ?? "default"}/${s.metadata.name}`),
          ...cluster.config.clients.map((c) => `client:${c.name}`),
          ...cluster.pods.map((p) => `pod:${p.metadata.namespace ?? "default"}/${p.metadata.name}`),
        ]);
        for (const s of lesson.steps)
          for (const h of s.highlight ?? []) if (!h.startsWith("pods:")) expect(places, h).toContain(h);
      });
    });
});
