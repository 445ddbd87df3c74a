import { describe, expect, it } from "vitest";
import { formatPeriod } from "../../src/data/period.js";
import { PreciseDate } from "../../src/data/qualified.js";

const d = (year: number, month?: number, day?: number) => new PreciseDate(year, month, day);

describe("formatPeriod(dates, { locale, precision })", () => {
  it("writes each end as precisely as its date was stated", () => {
    expect(formatPeriod([d(2021, 1), d(2017), d(2019, 2)])).toBe("2017 to Jan. 2021");
    expect(formatPeriod([d(2020, 11, 3), d(2021, 1, 14)])).toBe("Nov. 3, 2020 to Jan. 14, 2021");
  });

  it("says a shared year, and a shared month, once", () => {
    expect(formatPeriod([d(2020, 3), d(2020, 11)])).toBe("March to Nov. 2020");
    expect(formatPeriod([d(2020, 11, 26), d(2020, 11, 3)])).toBe("Nov. 3 to 26, 2020");
    expect(formatPeriod([d(2020, 9, 15), d(2020, 11, 3)])).toBe("Sept. 15 to Nov. 3, 2020");
  });

  it("writes no finer than precision: days to the month, months to the year", () => {
    const dates = [d(2020, 11, 3), d(2020, 11, 26), d(2021, 1, 14)];
    expect(formatPeriod(dates, { precision: "month" })).toBe("Nov. 2020 to Jan. 2021");
    expect(formatPeriod(dates, { precision: "year" })).toBe("2020 to 2021");
  });

  it("writes one date where every date falls within it, or all are the same", () => {
    expect(formatPeriod([d(2020, 11, 3), d(2020, 11, 26)], { precision: "month" })).toBe("Nov. 2020");
    expect(formatPeriod([d(2020), d(2020, 11)])).toBe("2020");
    expect(formatPeriod([d(2020, 11, 3), undefined, d(2020, 11, 3)])).toBe("Nov. 3, 2020");
  });

  it("writes the period in the report's locale", () => {
    const dates = [d(2020, 11, 3), d(2021, 1, 14)];
    expect(formatPeriod(dates, { locale: "fr-FR", precision: "month" })).toBe("novembre 2020\u2009–\u2009janvier 2021");
    expect(formatPeriod([d(2020, 3), d(2020, 11)], { locale: "de-DE" })).toBe("März–November 2020");
    expect(formatPeriod([d(2017), d(2021, 1)], { locale: "es-ES" })).toBe("2017\u2009–\u2009enero de 2021");
    expect(formatPeriod([d(2020, 11, 3), d(2020, 11, 26)], { locale: "fr-FR" })).toBe("3–26 novembre 2020");
  });

  it("refuses no dates at all", () => {
    expect(() => formatPeriod([undefined])).toThrow(
      "formatPeriod: no dates to write a period from; give it at least one",
    );
  });
});
