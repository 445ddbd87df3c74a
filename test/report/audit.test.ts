import { describe, expect, it } from "vitest";
import type { QualifiedNumber } from "../../src/data/qualified.js";
import { defineUnit } from "../../src/data/units.js";
import { indexKnown, lookalike as find } from "../../src/report/audit.js";
import type { Known } from "../../src/report/audit.js";
import { findTypedNumbers, proseLocale } from "../../src/report/claims.js";
import { findProse, parseMarkdown } from "../../src/report/markdown.js";
import { dataUnit, unitReading } from "../../src/report/prose-units.js";

const known = (id: string, value: number, unit: string, digits = 0): Known => ({
  id,
  names: [id],
  unit: dataUnit(unit),
  value: { value, digits, unit, qualifier: "exact", kind: "actual", signed: false } as unknown as QualifiedNumber,
});

/** The numbers typed in a body, read for the given data units and locale. */
function typed(body: string, units: string[] = [], locale = "en-US") {
  const reading = unitReading(locale, units);
  return findProse(parseMarkdown(body)).flatMap((prose) => findTypedNumbers(prose, proseLocale(locale), reading));
}

describe("findTypedNumbers(prose, locale, units)", () => {
  // Prose that made the audit's patterns take seconds to minutes (an address pattern that backtracked
  // over every "@", an abbreviation read from the start of the block at every full stop): each now
  // reads in a moment, so this test would time out, not pass, if one came back.
  it("reads hostile prose in time linear in its length", () => {
    const hostile = ["a@".repeat(5_000), "a.".repeat(20_000), "x 12 ".repeat(20_000), `${"1, ".repeat(5_000)}1%`];
    for (const body of hostile) expect(() => typed(body, ["count"])).not.toThrow();
    expect(typed("x 12 ".repeat(20_000), ["count"])).toHaveLength(20_000);
    expect(typed(`${"A. ".repeat(3)}Then 59 went.\nAnd 60 came.`).map(({ line }) => line)).toEqual([0, 1]);
  }, 30_000);

  it("reads each number with its unit, scale, line and the references of its sentence", () => {
    const found = typed("Exports of {{trade/eu}} were $5.8bn.\nOf these, 45% went\nto the EU. Then 2.4 million left.");
    expect(
      found.map(({ text, value, scale, families, line, sentence }) => ({
        text,
        value,
        scale,
        families,
        line,
        sentence,
      })),
    ).toEqual([
      { text: "$5.8bn", value: 5.8, scale: 1e9, families: ["usd"], line: 0, sentence: ["trade/eu"] },
      { text: "45%", value: 45, scale: 1, families: ["percent"], line: 1, sentence: [] },
      { text: "2.4 million", value: 2.4, scale: 1e6, families: [], line: 2, sentence: [] },
    ]);
  });

  it("leaves out dates, years, times, ordinals, list and part numbers, codes, versions and phone numbers", () => {
    const body = [
      "On 2012-01-02, Jan. 2, 2012, 2 January 2012 and 12/01/2012, at 10:30 and 9 a.m., in 2019 and 2019–20,",
      "the 1st and 21st, (2), [3], Figure 2, page 3, Article 49, COVID-19, A4, G7, CO2, version 1.2.3, +1 202 555 0147.",
      "",
      "1. A list item",
    ].join("\n");
    expect(typed(body)).toEqual([]);
  });

  it("leaves out the parts of a document in the languages plotbrief writes: Abbildung 2, Figura 3, Tableau 4", () => {
    expect(typed("Abbildung 2 zeigt 59 Personen, Seite 3 und Tabellen 4 und 5.", [], "de-DE")).toMatchObject([
      { value: 59 },
    ]);
    expect(typed("La Figura 3 y la página 12 muestran 59.", [], "es-ES")).toMatchObject([{ value: 59 }]);
    expect(typed("Le Tableau 4 montre 59.", [], "fr-FR")).toMatchObject([{ value: 59 }]);
  });

  it("reads units as the registry writes them, a project's own too, whether or not the data has them", () => {
    expect(typed("It rained 161 mm.", [])[0]).toMatchObject({ text: "161 mm", families: ["mm"] });
    expect(typed("It rained 161 millimetres, 12 hectares.", [])).toMatchObject([
      { families: ["mm"] },
      { families: ["hectares"] },
    ]);
    expect(typed("Aid was CHF 12 and 5 francs suisses.", [], "fr-CH")).toMatchObject([
      { text: "CHF 12", families: ["chf"] },
      { text: "5 francs suisses", families: ["chf"] },
    ]);
    defineUnit({ name: "audit-cots", forms: { en: { text: { one: "cot", other: "cots" } } } });
    expect(typed("It had 161 cots.", [])[0]).toMatchObject({ text: "161 cots", families: ["audit-cots"] });
  });

  it("reads numbers as the locale writes them, with its scale words from Intl", () => {
    const found = typed("La croissance a atteint 7,1\u202f% et 2,4 millions de personnes sont parties.", [], "fr-FR");
    expect(found.map(({ value, scale, families }) => ({ value, scale, families }))).toEqual([
      { value: 7.1, scale: 1, families: ["percent"] },
      { value: 2.4, scale: 1e6, families: [] },
    ]);
    expect(typed("1,2 billion d'euros", [], "fr-FR")[0]).toMatchObject({ scale: 1e12, families: ["eur"] });
    expect(typed("2,4 Mrd. Euro", [], "de-DE")[0]).toMatchObject({ scale: 1e9 });
    expect(typed("12 000 personnes et 2.400.000", [], "fr-FR")[0]).toMatchObject({ text: "12 000", value: 12_000 });
    expect(typed("2.400.000 Menschen", [], "de-DE")[0]).toMatchObject({ value: 2_400_000 });
  });
});

describe("lookalike(typed, known)", () => {
  const first = (body: string, units: string[] = []) => typed(body, units)[0]!;
  const lookalike = (number: ReturnType<typeof first>, known: Known[]) => find(number, indexKnown(known));

  it("matches within the unit the prose names: 161 mm is not a count of 161, 45% not a count of 45", () => {
    const data = [known("readings/jan-10", 161, "count"), known("people/x", 45, "count")];
    expect(lookalike(first("It rained 161 mm.", ["count"]), data)).toBeUndefined();
    expect(lookalike(first("About 45% left."), data)).toBeUndefined();
    expect(lookalike(first("About 161 were counted."), data)?.id).toBe("readings/jan-10");
  });

  it("matches a value in a unit it knows only in that unit: 161 mm, not a bare 161", () => {
    const rain = [known("rain/2012", 161, "mm")];
    expect(lookalike(first("It rained 161 mm.", ["mm"]), rain)?.id).toBe("rain/2012");
    expect(lookalike(first("It rained 161 millimetres.", ["mm"]), rain)?.id).toBe("rain/2012");
    expect(lookalike(first("It rained 161.", ["mm"]), rain)).toBeUndefined();
    expect(lookalike(first("It rained 161 km.", ["mm"]), rain)).toBeUndefined();
  });

  it("matches a value in a project's own unit by the words defineUnit gives it, and not by another unit's", () => {
    const beds = defineUnit({
      name: "audit-beds",
      forms: { en: { text: { one: "bed", other: "beds" } }, fr: { text: { one: "lit", other: "lits" } } },
    });
    defineUnit({ name: "audit-beds-thousand", of: beds, scale: 1e3 });
    defineUnit({ name: "audit-tonnes", forms: { en: { text: "t", symbol: true } } });
    const data = [
      known("hospital/beds", 161, "audit-beds"),
      known("hospital/ward", 12, "audit-beds"),
      known("region/beds", 2.4, "audit-beds-thousand", 1),
      known("readings/jan-10", 161, "count"),
      known("cargo/rice", 12, "audit-tonnes"),
    ];
    const units = data.map((entry) => entry.value.unit);
    const id = (body: string) => lookalike(first(body, units), data)?.id;
    expect(id("The hospital has 161 beds.")).toBe("hospital/beds");
    expect(id("The ward has 12 beds.")).toBe("hospital/ward");
    expect(id("Ships carried 12 t of rice.")).toBe("cargo/rice");
    expect(id("Ships carried 12t of rice.")).toBe("cargo/rice");
    expect(id("The region has 2,400 beds.")).toBe("region/beds");
    expect(id("The region has 2.4 thousand beds.")).toBe("region/beds");
    expect(id("Ships carried 161 t.")).toBeUndefined();
    expect(id("It rained 12 mm.")).toBeUndefined();
    // A bare number is a count: a unit whose words prose can write is matched only by them.
    expect(id("About 161 were counted.")).toBe("readings/jan-10");
    expect(id("About 12 were counted.")).toBeUndefined();
    // Its words in every language it gives them.
    expect(lookalike(typed("L'hôpital a 161 lits.", units, "fr-FR")[0]!, data)?.id).toBe("hospital/beds");
  });

  it("matches at the scale the prose uses: 2.4 million, $1.1bn, 0.5 million dollars", () => {
    const data = [
      known("people/displaced", 2_440_000, "count"),
      known("money/aid", 1.1, "usd-billion", 1),
      known("money/lobbying", 500_000, "usd"),
    ];
    expect(lookalike(first("About 2.4 million fled."), data)?.id).toBe("people/displaced");
    expect(lookalike(first("Aid was $1.1bn."), data)?.id).toBe("money/aid");
    expect(lookalike(first("Aid was €1.1bn."), data)).toBeUndefined();
    expect(lookalike(first("It paid 0.5 million dollars."), data)?.id).toBe("money/lobbying");
    expect(lookalike(first("It paid 1.1 dollars."), data)).toBeUndefined();
  });
});

describe("dataUnit(id)", () => {
  it("reads a unit's base and scale from the registry, a project's own too", () => {
    expect(dataUnit("usd-billion")).toEqual({ family: "usd", scale: 1e9, known: true, currency: true });
    expect(dataUnit("gbp-million")).toEqual({ family: "gbp", scale: 1e6, known: true, currency: true });
    expect(dataUnit("percentage-points")).toMatchObject({ family: "percent", scale: 1 });
    expect(dataUnit("people-million")).toEqual({ family: "count", scale: 1e6, known: true, currency: false });
    expect(dataUnit("thousand")).toEqual({ family: "count", scale: 1e3, known: false, currency: false });
    expect(dataUnit("hectares")).toEqual({ family: "hectares", scale: 1, known: true, currency: false });
    defineUnit({ name: "audit-francs", currency: "CHF" });
    defineUnit({ name: "audit-francs-million", of: "audit-francs", scale: 1e6 });
    expect(dataUnit("audit-francs-million")).toEqual({ family: "chf", scale: 1e6, known: true, currency: true });
    expect(dataUnit("widgets")).toEqual({ family: "widgets", scale: 1, known: false, currency: false });
  });
});
