import { describe, expect, it } from "vitest";
import { writtenForms } from "../../src/data/affix.js";
import { formatNumber } from "../../src/data/format.js";
import type { NumberFormat } from "../../src/data/format.js";
import type { QualifiedNumber } from "../../src/data/qualified.js";
import { UNITS, defineUnit, unitOf } from "../../src/data/units.js";

const q = (value: number, unit: string, digits = 0): QualifiedNumber => ({
  value,
  digits,
  qualifier: "exact",
  kind: "actual",
  unit,
  signed: false,
});
const write = (value: number, unit: string, digits = 0, options: NumberFormat = {}) =>
  formatNumber(q(value, unit, digits), options);
const NBSP = "\u00a0";
const NNBSP = "\u202f";

describe("formatNumber(q) with units plotbrief ships", () => {
  it("puts a symbol before or after the number, with the locale's spacing", () => {
    expect(write(500000, "usd")).toBe("$500,000");
    expect(write(500000, "usd", 0, { locale: "fr-FR" })).toBe(`500${NNBSP}000${NBSP}$US`);
    expect(write(1234, "eur", 0, { locale: "de-DE" })).toBe(`1.234${NBSP}\u20ac`);
    expect(write(1234, "gbp")).toBe("\u00a31,234");
    expect(write(1234, "jpy")).toBe("\u00a51,234");
    expect(write(21.5, "celsius", 1)).toBe("21.5\u00b0C");
    expect(write(21.5, "celsius", 1, { locale: "fr-FR" })).toBe(`21,5${NNBSP}\u00b0C`);
    expect(write(70, "fahrenheit")).toBe("70\u00b0F");
    expect(write(161, "mm")).toBe("161 mm");
    expect(write(3.5, "km", 1, { locale: "de-DE" })).toBe("3,5 km");
    expect(write(-4, "percent", 1, { locale: "de-DE" })).toBe(`\u22124,0${NBSP}%`);
  });

  it("writes words in the singular or plural, as the number beside them is written", () => {
    expect(write(1, "people")).toBe("1 person");
    expect(write(2, "people")).toBe("2 people");
    expect(write(1, "people", 1)).toBe("1.0 people");
    expect(write(1, "people", 0, { locale: "fr-FR" })).toBe("1 personne");
    expect([write(1, "hours"), write(3, "hours"), write(3, "hours", 0, { locale: "fr-FR" })]).toEqual([
      "1 hour",
      "3 hours",
      `3${NBSP}heures`,
    ]);
    expect([write(12, "metres"), write(2, "litres", 0, { locale: "de-DE" })]).toEqual(["12 m", "2 l"]);
    expect(write(2, "people", 0, { locale: "fr-FR" })).toBe("2 personnes");
    expect(write(1, "people", 0, { locale: "de-DE" })).toBe("1 Person");
    expect(write(2, "people", 0, { locale: "de-DE" })).toBe("2 Personen");
    expect(write(1, "years")).toBe("1 year");
    expect(write(12, "years", 0, { locale: "de-DE" })).toBe("12 Jahre");
    expect(write(1, "percentage-points", 0, { locale: "fr-FR" })).toBe("1 point de pourcentage");
    expect(write(3, "percentage-points")).toBe("3 percentage points");
  });

  it("writes scaled units with Intl's scale words, keeping the source's precision", () => {
    expect(write(2.4, "people-million", 1)).toBe("2.4 million people");
    expect(write(2.4, "million", 1, { locale: "fr-FR" })).toBe("2,4 millions");
    expect(write(2.4, "people-million", 1, { locale: "fr-FR" })).toBe("2,4 millions de personnes");
    expect(write(2.4, "million", 1, { locale: "de-DE" })).toBe("2,4 Millionen");
    // The "2,440 thousand": the scale follows the number.
    expect(write(2440, "thousand")).toBe("2.44 million");
    expect(write(0.5, "usd-billion", 1)).toBe("$500 million");
    expect(write(-4, "usd-billion", 1)).toBe("\u2212$4.0 billion");
    expect(write(5.8, "usd-billion", 1, { locale: "fr-FR" })).toBe(`5,8 milliards${NBSP}$US`);
  });

  it("writes compact forms from Intl: '$1.1bn' in British house style", () => {
    expect(write(1.1, "usd-billion", 1, { compact: "short" })).toBe("$1.1B");
    expect(write(1.1, "usd-billion", 1, { locale: "en-GB", compact: "short" })).toBe("$1.1bn");
    expect(write(1.1, "gbp-billion", 1, { locale: "en-GB", compact: "short" })).toBe("\u00a31.1bn");
    expect(write(1376048943, "count", 0, { compact: true })).toBe("1.4 billion");
  });

  it("keeps the units datasets name, UNITS beginning with the seven there were", () => {
    expect(UNITS.slice(0, 7)).toEqual([
      "percent",
      "percentage-points",
      "count",
      "years",
      "usd",
      "usd-billion",
      "eur-billion",
    ]);
    expect(UNITS).toContain("celsius");
    expect(UNITS).toContain("people-thousand");
    expect(() => write(1, "furlongs")).toThrow(/^unknown unit "furlongs"; units: count, percent, /);
  });
});

describe("defineUnit(spec)", () => {
  it("adds a project's own unit, written by its forms per language, scaled by name", () => {
    const beds = defineUnit({
      name: "test-beds",
      forms: { en: { text: { one: "bed", other: "beds" } }, fr: { text: { one: "lit", other: "lits" } } },
    });
    defineUnit({ name: "test-beds-thousand", of: beds, scale: 1e3 });
    expect(write(1, beds.name)).toBe("1 bed");
    expect(write(3, "test-beds", 0, { words: true })).toBe("three beds");
    expect(write(2, "test-beds", 0, { locale: "fr-FR" })).toBe("2 lits");
    // A language without forms falls back to English words.
    expect(write(2, "test-beds", 0, { locale: "it-IT" })).toBe("2 beds");
    expect(write(12.5, "test-beds-thousand", 1)).toBe("12.5 thousand beds");
    defineUnit({ name: "test-chf", currency: "CHF" });
    expect(write(5, "test-chf", 0, { locale: "de-CH" })).toBe(`CHF${NBSP}5`);
    defineUnit({ name: "test-litres", intl: "liter", display: "long" });
    expect(write(2, "test-litres")).toBe("2 liters");
    defineUnit({ name: "test-knots", forms: { en: { text: "kn", symbol: true } } });
    expect(write(4, "test-knots", 0, { words: true })).toBe("4 kn");
  });

  it("says what is wrong with a definition", () => {
    expect(() => defineUnit({ name: "percent", intl: "percent" })).toThrow(
      'defineUnit("percent"): "percent" is one of plotbrief\'s own units; give yours another name',
    );
    expect(() => defineUnit({ name: "Beds" })).toThrow(/name a unit in lower case/);
    expect(() => defineUnit({ name: "test-none" })).toThrow(/say how it is written: forms/);
    expect(() => defineUnit({ name: "test-cur", currency: "DOLLARS" })).toThrow(/not an ISO 4217 code/);
    expect(() => defineUnit({ name: "test-intl", intl: "furlong" })).toThrow(/not a unit Intl knows/);
    expect(() => defineUnit({ name: "test-of", of: "nope", scale: 1e3 })).toThrow(/of: unknown unit "nope"/);
  });
});

describe("writtenForms(unit, locales)", () => {
  const texts = (unit: string, locales: string[], position = "after") =>
    writtenForms(unitOf(unit), locales)
      .filter((form) => form.position === position)
      .map((form) => form.text);

  it("gives Intl's symbols, codes and names of a currency, placed as each locale places them", () => {
    expect(texts("usd", ["en-US", "en-GB"], "before")).toEqual(["$", "USD", "US$"]);
    expect(texts("usd", ["en-US"])).toEqual(["US dollars"]);
    expect(texts("usd", ["fr-FR"])).toEqual(expect.arrayContaining(["$US", "USD", "dollars des États-Unis"]));
    expect(writtenForms(unitOf("eur"), ["en-US"]).find((form) => form.text === "€")).toEqual({
      text: "€",
      position: "before",
      symbol: true,
    });
  });

  it("gives Intl's short and long words of a unit Intl knows, singular and plural", () => {
    expect(texts("mm", ["en-US", "en-GB"])).toEqual(["mm", "millimeter", "millimeters", "millimetre", "millimetres"]);
    expect(texts("percent", ["en-US", "en-GB"])).toEqual(["%", "percent", "per cent"]);
  });

  it("gives a unit's own words in every language it has them, and after a scale word", () => {
    expect(texts("people", ["en-US"])).toEqual(
      expect.arrayContaining(["person", "people", "personne", "personnes", "de personnes", "Personen"]),
    );
    const crates = defineUnit({ name: "test-crates", forms: { en: { text: { one: "crate", other: "crates" } } } });
    expect(writtenForms(crates, ["en-US"])).toEqual([
      { text: "crate", position: "after", symbol: false },
      { text: "crates", position: "after", symbol: false },
    ]);
  });
});
