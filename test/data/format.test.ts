import { describe, expect, it } from "vitest";
import { formatDate, formatDigits, formatList, formatNumber, inReportWords } from "../../src/data/format.js";
import { CATALOGUE } from "../../src/i18n/messages.js";
import { parsePreciseDate } from "../../src/data/qualified.js";
import type { QualifiedNumber } from "../../src/data/qualified.js";

const q = (value: number, more: Partial<QualifiedNumber> = {}): QualifiedNumber => ({
  value,
  digits: 0,
  qualifier: "exact",
  kind: "actual",
  unit: "count",
  signed: false,
  ...more,
});

describe("formatNumber(q, options)", () => {
  it("writes qualifiers as words", () => {
    expect(formatNumber(q(20, { qualifier: "about", unit: "percent" }))).toBe("about 20%");
    expect(formatNumber(q(50, { qualifier: "more-than" }))).toBe("more than 50");
    expect(formatNumber(q(21, { qualifier: "at-least" }))).toBe("at least 21");
    expect(formatNumber(q(12, { qualifier: "up-to", unit: "years" }))).toBe("up to 12 years");
  });

  it("marks forecasts and estimates, and keeps the written precision and a true minus sign", () => {
    expect(formatNumber(q(-4, { digits: 1, kind: "forecast", unit: "percent", signed: true }))).toBe(
      "\u22124.0% (forecast)",
    );
    expect(formatNumber(q(6.8, { digits: 1, kind: "estimate", unit: "percent", signed: true }))).toBe(
      "+6.8% (estimate)",
    );
  });

  it("drops the sign or the kind when the sentence says them", () => {
    const contraction = q(-4, { qualifier: "about", kind: "forecast", unit: "percent", signed: true });
    expect(formatNumber(contraction, { abs: true, kind: false })).toBe("about 4%");
  });

  it("leaves out a signed number's plus with sign: false, as prose does, and keeps a minus", () => {
    const growth = q(6.8, { digits: 1, kind: "forecast", unit: "percent", signed: true });
    expect(formatNumber(growth)).toBe("+6.8% (forecast)");
    expect(formatNumber(growth, { sign: false, kind: false })).toBe("6.8%");
    expect(formatNumber(q(-3.1, { digits: 1, unit: "percent", signed: true }), { sign: false })).toBe("\u22123.1%");
  });

  it("spells out whole numbers from zero to nine with words, in English; ten and up stay figures", () => {
    expect(formatNumber(q(0), { words: true })).toBe("zero");
    expect(formatNumber(q(8), { words: true })).toBe("eight");
    expect(formatNumber(q(10), { words: true })).toBe("10");
    expect(formatNumber(q(8), { words: true, locale: "fr-FR" })).toBe("huit");
    expect(formatNumber(q(0), { words: true, locale: "fr-FR" })).toBe("0");
  });

  it("writes short qualifiers for chart labels", () => {
    expect(formatNumber(q(50, { qualifier: "more-than" }), { style: "short" })).toBe("50+");
    expect(formatNumber(q(50, { qualifier: "about" }), { style: "short" })).toBe("~50");
  });

  it("writes money and groups thousands the same on every machine", () => {
    expect(formatNumber(q(500000, { unit: "usd" }))).toBe("$500,000");
    expect(formatNumber(q(5.8, { digits: 1, qualifier: "about", unit: "usd-billion" }))).toBe("about $5.8 billion");
    expect(formatNumber(q(1, { qualifier: "about", unit: "eur-billion" }))).toBe("about \u20ac1 billion");
    expect(formatDigits(1234567.891, 2)).toBe("1,234,567.89");
  });
});

describe("formatDate(date)", () => {
  it("writes a date to its precision, in AP style", () => {
    expect(formatDate(parsePreciseDate("2020")!)).toBe("2020");
    expect(formatDate(parsePreciseDate("2020-11")!)).toBe("Nov. 2020");
    expect(formatDate(parsePreciseDate("2020-11-03")!)).toBe("Nov. 3, 2020");
    expect(formatDate(parsePreciseDate("2020-06")!)).toBe("June 2020");
  });
});

describe("parsePreciseDate(text)", () => {
  it("rejects impossible dates and other shapes", () => {
    expect(parsePreciseDate("2020-02-30")).toBeUndefined();
    expect(parsePreciseDate("2020-13")).toBeUndefined();
    expect(parsePreciseDate("Nov 2020")).toBeUndefined();
    expect({ ...parsePreciseDate("2020-02-29") }).toEqual({ year: 2020, month: 2, day: 29, precision: "day" });
    expect(parsePreciseDate("2020-02-29")).toEqual(new Date(Date.UTC(2020, 1, 29)));
  });
});

describe("formatList(items)", () => {
  it("joins as prose does", () => {
    expect(formatList(["a"])).toBe("a");
    expect(formatList(["a", "b", "c"])).toBe("a, b and c");
  });
});

describe("inReportWords(words, run)", () => {
  const day = parsePreciseDate("2020-11-03")!;
  const q: QualifiedNumber = {
    value: 50,
    digits: 0,
    qualifier: "more-than",
    kind: "actual",
    unit: "count",
    signed: false,
  };

  it("writes in the report's words where figure code gives no locale, and in its own where it gives one", () => {
    const french = { locale: "fr-FR", messages: CATALOGUE.fr };
    const written = inReportWords(french, () => [
      formatDate(day),
      formatNumber(q),
      formatList(["a", "b", "c"]),
      formatDate(day, "en-US"),
      formatNumber(q, { locale: "de-DE" }),
    ]);
    expect(written).toEqual(["3 novembre 2020", "plus de 50", "a, b et c", "Nov. 3, 2020", "mehr als 50"]);
  });

  it("restores the words outside, after a run that throws too", () => {
    expect(() =>
      inReportWords({ locale: "de-DE" }, () => {
        throw new Error("figure code failed");
      }),
    ).toThrow("figure code failed");
    expect([formatDate(day), formatNumber(q), formatList(["a", "b"])]).toEqual([
      "Nov. 3, 2020",
      "more than 50",
      "a and b",
    ]);
  });
});
