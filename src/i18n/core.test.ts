import { describe, expect, it } from "vitest";
import { en } from "./en";
import { fill, langOf, translate } from "./core";
import { ko } from "./ko/index";

describe("i18n core", () => {
  it("fills named placeholders and leaves unknown ones visible", () => {
    expect(fill("{a} to {b}", { a: "x", b: 2 })).toBe("x to 2");
    expect(fill("{a} and {missing}", { a: "x" })).toBe("x and {missing}");
  });

  it("does not read placeholders from the prototype (a __proto__ or toString parameter name)", () => {
    expect(fill("{toString}", {})).toBe("{toString}");
  });

  it("chooses the English plural form by count", () => {
    const table = { "n.pods_one": "{count} pod", "n.pods_other": "{count} pods" };
    expect(translate("en", table, table, "n.pods", { count: 1 })).toBe("1 pod");
    expect(translate("en", table, table, "n.pods", { count: 3 })).toBe("3 pods");
  });

  it("uses the Korean `_other` form for every count", () => {
    const enT = { "n.pods_one": "{count} pod", "n.pods_other": "{count} pods" };
    const koT = { "n.pods_other": "Pod {count}개" };
    expect(translate("ko", koT, enT, "n.pods", { count: 1 })).toBe("Pod 1개");
  });

  it("falls back to English for a key the table lacks, and to the key itself last", () => {
    expect(translate("ko", {}, { a: "English" }, "a")).toBe("English");
    expect(translate("ko", {}, {}, "no.such.key")).toBe("no.such.key");
  });

  it("maps browser language tags to our languages", () => {
    expect(langOf("ko-KR")).toBe("ko");
    expect(langOf("en-GB")).toBe("en");
    expect(langOf("fr")).toBeNull();
    expect(langOf(undefined)).toBeNull();
  });

  it("gives a Korean message for every English key (except English-only plural `_one` forms)", () => {
    const missing = Object.keys(en).filter((k) => !k.endsWith("_one") && !(k in ko));
    expect(missing).toEqual([]);
  });

  it("keeps the same placeholders in the Korean message as in the English one", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const koTable = ko as Record<string, string>;
    const differ = Object.entries(en as Record<string, string>)
      .filter(([k]) => k in koTable)
      .filter(([k, v]) => {
        const base = k.endsWith("_one") || k.endsWith("_other") ? null : v;
        return base !== null && names(base).join() !== names(koTable[k]!).join();
      })
      .map(([k]) => k);
    expect(differ).toEqual([]);
  });
});
