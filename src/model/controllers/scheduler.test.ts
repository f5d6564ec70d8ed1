import { describe, expect, it } from "vitest";
import type { Toleration } from "../k8s";
import { tolerates } from "./scheduler";

const taint = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" as const };

describe("tolerations (v1 Toleration.ToleratesTaint)", () => {
  const cases: [string, Toleration, boolean][] = [
    ["an Exists toleration with the key", { key: taint.key, operator: "Exists" }, true],
    ["an Exists toleration without a key tolerates every taint", { operator: "Exists" }, true],
    ["an Equal toleration needs the same value", { key: taint.key, operator: "Equal", value: "x" }, false],
    [
      "an Equal toleration with the empty value matches a taint without value",
      { key: taint.key, value: "" },
      true,
    ],
    [
      "a toleration for another effect does not apply",
      { key: taint.key, operator: "Exists", effect: "NoExecute" },
      false,
    ],
    ["a toleration for another key does not apply", { key: "other", operator: "Exists" }, false],
  ];
  for (const [name, t, want] of cases) it(name, () => expect(tolerates(t, taint)).toBe(want));
});
