import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { firstPicture } from "./firstPicture";
import { Runner } from "./runner";
import type { OutMessage } from "../protocol/messages";

const scenario = readFileSync(new URL("../../scenarios/default.yaml", import.meta.url), "utf8");

describe("firstPicture", () => {
  it("draws the default scenario exactly as the worker's load answers it", () => {
    const out: OutMessage[] = [];
    const runner = new Runner({ clock: () => 0, post: (m) => out.push(m) });
    runner.handle({ type: "load", id: 1, files: [{ file: "scenario.yaml", text: scenario }], seed: 1 });
    const loaded = out.find((m) => m.type === "loaded");
    expect(loaded?.type === "loaded" && loaded.cluster).toEqual(firstPicture(scenario, 1).cluster);
  });

  it("has no picture for a scenario with errors", () => {
    expect(firstPicture("apiVersion: v1\nkind: Service\nmetadata: {}\n", 1).cluster).toBeNull();
  });
});
