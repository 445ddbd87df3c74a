import { describe, expect, it } from "vitest";
import { change } from "../../src/data/derive.js";
import { formatNumber } from "../../src/data/format.js";
import type { QualifiedNumber } from "../../src/data/qualified.js";
import { STYLES, parseStyles } from "../../src/data/styles.js";

const q = (value: number, more: Partial<QualifiedNumber> = {}): QualifiedNumber => ({
  value,
  digits: 0,
  qualifier: "exact",
  kind: "actual",
  unit: "count",
  signed: false,
  ...more,
});
const styled = (number: QualifiedNumber, styles: string, locale?: string) => {
  const format = parseStyles(styles);
  if ("error" in format) throw new Error(format.error);
  return formatNumber(number, { ...format, ...(locale ? { locale } : {}) });
};

describe("parseStyles(text)", () => {
  it("reads flags and round N, separated by commas or spaces", () => {
    expect(parseStyles("abs, no-kind")).toEqual({ abs: true, kind: false });
    expect(parseStyles("compact, round 1")).toEqual({ compact: "long", decimals: 1 });
    expect(parseStyles("round 2 sig sign")).toEqual({ significant: 2, sign: true });
    expect(parseStyles("")).toEqual({});
  });

  it("says what exists when a style is unknown or incomplete", () => {
    expect(parseStyles("compact, roundd")).toEqual({
      error: `unknown style "roundd"; styles: ${STYLES.join(", ")}`,
    });
    expect(STYLES.join(", ")).toBe(
      "abs, no-kind, short, compact, compact-short, percent, words, digits, sign, round N, round N sig",
    );
    expect(parseStyles("round")).toEqual({
      error: 'round needs a number of places: "round 1" (decimals) or "round 2 sig" (significant digits)',
    });
    expect(parseStyles("abs, sign")).toEqual({ error: "abs and sign contradict each other: choose one" });
    expect(parseStyles("round 1, round 2 sig")).toMatchObject({ error: expect.stringMatching(/^round twice/) });
  });
});

describe("formatNumber(q, styles)", () => {
  it("compact writes Intl's scale words, in the locale", () => {
    expect(styled(q(2440000), "compact")).toBe("2.4 million");
    expect(styled(q(2440000), "compact", "fr-FR")).toBe("2,4 millions");
    expect(styled(q(2440000, { qualifier: "about" }), "compact-short")).toBe("about 2.4M");
  });

  it("round N sets decimal places, round N sig significant digits", () => {
    expect(styled(q(7.34, { digits: 2, unit: "percent" }), "round 1")).toBe("7.3%");
    expect(styled(q(7, { unit: "percent" }), "round 1")).toBe("7.0%");
    expect(styled(q(1376048943), "round 2 sig")).toBe("1,400,000,000");
    expect(styled(q(2440000), "compact, round 2")).toBe("2.44 million");
  });

  it("percent writes a ratio as a percentage, and refuses a number that has a unit", () => {
    expect(styled(q(0.253, { digits: 3 }), "percent")).toBe("25.3%");
    expect(styled(q(0.253, { digits: 3 }), "percent", "fr-FR")).toBe("25,3\u00a0%");
    expect(styled(q(20, { unit: "percent" }), "percent")).toBe("20%");
    expect(() => styled(q(5, { unit: "usd" }), "percent")).toThrow(
      'percent writes a ratio (0.25) as "25%", but this number is in usd',
    );
  });

  it("words spells out one to nine, in English and beside words only, as AP does", () => {
    expect(styled(q(8), "words")).toBe("eight");
    expect(styled(q(1, { unit: "people" }), "words")).toBe("one person");
    expect(styled(q(10), "words")).toBe("10");
    expect(styled(q(8, { unit: "percent" }), "words")).toBe("8%");
    expect(styled(q(8, { unit: "usd" }), "words")).toBe("$8");
  });

  it("words spells out two to nine in French, German and Spanish, where one's word depends on its noun", () => {
    expect(styled(q(8), "words", "fr-FR")).toBe("huit");
    expect(styled(q(3, { unit: "people" }), "words", "fr-FR")).toBe("trois personnes");
    expect(styled(q(5), "words", "de-DE")).toBe("fünf");
    expect(styled(q(9), "words", "es-ES")).toBe("nueve");
    for (const locale of ["fr-FR", "de-DE", "es-ES"]) expect(styled(q(1), "words", locale)).toBe("1");
    // A language plotbrief has no words for keeps its figures rather than take English words.
    expect(styled(q(8), "words", "it-IT")).toBe("8");
    expect(styled(q(8.4, { digits: 1 }), "words, round 0")).toBe("eight");
  });

  it("sign shows the sign of a positive number, and none on zero", () => {
    expect(styled(q(3, { unit: "percentage-points" }), "sign")).toBe("+3 percentage points");
    expect(styled(q(-3), "sign")).toBe("\u22123");
    expect(styled(q(0), "sign")).toBe("0");
    expect(styled(q(-0.04, { digits: 2 }), "round 1")).toBe("0.0");
  });

  it("combines styles with qualifiers and kinds", () => {
    const forecast = q(2440000, { qualifier: "about", kind: "forecast", signed: true });
    expect(styled(forecast, "compact, round 1")).toBe("about +2.4 million (forecast)");
    expect(styled(forecast, "compact, round 1, abs, no-kind")).toBe("about 2.4 million");
    expect(styled(q(8, { qualifier: "more-than" }), "words, short")).toBe("eight+");
  });

  it("abs drops the sign of a derived change, for prose that says 'up'", () => {
    const source = { id: "s", publisher: "P", title: "T", published: "2020" } as never;
    const rise = change({ value: q(12000), sources: [source] }, { value: q(21014), sources: [source] }).value;
    expect(formatNumber(rise)).toBe("+9,014");
    expect(styled(rise, "abs")).toBe("9,014");
    expect(styled(rise, "abs, compact")).toBe("9 thousand");
  });
});
