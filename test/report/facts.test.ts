import { parsePreciseDate } from "../../src/data/qualified.js";
import { beforeAll, describe, expect, it } from "vitest";
import { max, mean, rank } from "../../src/data/aggregate.js";
import { change } from "../../src/data/derive.js";
import { resolveFact, resolveInline } from "../../src/report/facts.js";
import type { FactContext } from "../../src/report/facts.js";
import { loadReport } from "../../src/report/load.js";
import { CATALOGUE } from "../../src/i18n/messages.js";
import { ROOT } from "../project.js";

let context: FactContext;

beforeAll(async () => {
  const datasets = (await loadReport(ROOT, "cambodia-2020")).datasets;
  context = { datasets, derived: new Map(), figures: new Map([["summons", 3]]), locale: "en-US" };
});

describe("resolveFact(text, context)", () => {
  it("quotes a row's first number with its qualifier and kind, and names its source", () => {
    expect(resolveFact("tariff/lost-share", context)).toEqual({
      id: "tariff/lost-share.value",
      text: "about 20%",
      source: "Source: European Commission, press release via VOA Khmer, Feb. 12, 2020",
      published: parsePreciseDate("2020-02-12"),
    });
    expect(resolveFact("gdp/adb-ado2020u-2020", context)).toMatchObject({ text: "\u22124.0% (forecast)" });
    expect(resolveFact("summons/article", context)).toMatchObject({ text: "more than 50" });
  });

  it("writes the article's contraction as the article did, with options", () => {
    expect(resolveFact("gdp/article-2020 | abs, no-kind", context)).toMatchObject({ text: "about 4%" });
  });

  it("quotes a citation in its own words, its source the original's as cited", () => {
    expect(resolveFact("gdp/article-2020 | abs, no-kind", context)).toEqual({
      id: "gdp/article-2020.growth",
      text: "about 4%",
      source:
        "Source: ADB, Sept. 15, 2020 (Khmer Post Asia, news report, Sept. 23, 2020), as cited by Asia Times, news analysis, Nov. 2020",
      cites: "gdp/adb-ado2020u-2020.growth",
      published: parsePreciseDate("2020-11"),
    });
    const inline = resolveInline("gdp/article-2020", context);
    expect("html" in inline && String(inline.html)).toMatch(/data-cites="gdp\/adb-ado2020u-2020.growth"/);
    // The original is quoted as itself, naming no citation.
    expect(resolveFact("gdp/adb-ado2020u-2020", context)).not.toHaveProperty("cites");
    const sources = (locale: string) =>
      (
        resolveFact("gdp/article-2020", { ...context, locale, messages: CATALOGUE[locale.slice(0, 2)] }) as {
          source: string;
        }
      ).source;
    expect(sources("fr-FR")).toBe(
      "Source\u00a0: ADB, 15 septembre 2020 (Khmer Post Asia, news report, 23 septembre 2020), cité par Asia Times, news analysis, novembre 2020",
    );
    expect(sources("de-DE")).toBe(
      "Quelle: ADB, 15. September 2020 (Khmer Post Asia, news report, 23. September 2020), zitiert von Asia Times, news analysis, November 2020",
    );
    expect(sources("es-ES")).toBe(
      "Fuente: ADB, 15 de septiembre de 2020 (Khmer Post Asia, news report, 23 de septiembre de 2020), citado por Asia Times, news analysis, noviembre de 2020",
    );
  });

  it("quotes other columns by name: dates to their precision, text as is", () => {
    expect(resolveFact("timeline/ream-1.date", context)).toMatchObject({ text: "Sept. 2020" });
    expect(resolveFact("summons/vod.reported_by", context)).toMatchObject({ text: "VOD" });
  });

  it("says what exists when a reference is wrong", () => {
    expect(resolveFact("gdp/adb-2030", context)).toEqual({
      error:
        'unknown fact "gdp/adb-2030": no row of dataset "gdp" has id "adb-2030"; close keys: "adb-2016", "adb-2017", "adb-2018"',
    });
    expect(resolveFact("gpd/adb-2018", context)).toEqual({
      error: 'unknown dataset "gpd" in {{gpd/adb-2018}}; datasets: tariff, gdp, summons, timeline, article',
    });
    expect(resolveFact("gdp/adb-2018.rate", context)).toMatchObject({
      error: expect.stringMatching(/^unknown column "rate"/),
    });
    expect(resolveFact("gdp/adb-2018 | rounded", context)).toEqual({
      error:
        '{{gdp/adb-2018 | rounded}}: unknown style "rounded"; styles: abs, no-kind, short, compact, compact-short, percent, words, digits, sign, round N, round N sig',
    });
    expect(resolveFact("gdp/adb-2018 | round", context)).toEqual({
      error:
        '{{gdp/adb-2018 | round}}: round needs a number of places: "round 1" (decimals) or "round 2 sig" (significant digits)',
    });
    expect(resolveFact("tariff/eu-exports | percent", context)).toEqual({
      error:
        '{{tariff/eu-exports | percent}}: percent writes a ratio (0.25) as "25%", but this number is in usd-billion',
    });
  });

  it("writes number styles after |, combined", () => {
    expect(resolveFact("article/lawmakers | words", context)).toMatchObject({ text: "eight" });
    expect(resolveFact("tariff/eu-exports | compact-short", context)).toMatchObject({ text: "about $5.8B" });
    expect(resolveFact("gdp/adb-2018 | round 0, sign", context)).toMatchObject({ text: "+7%" });
    expect(resolveFact("article/lobbying | compact, round 1", context)).toMatchObject({ text: "$500 thousand" });
  });

  it("writes a derived change without its sign where the prose says the direction: up {{derived/rise | abs}}", () => {
    const summons = context.datasets.get("summons")!;
    const derived = { ...context, derived: new Map([["rise", change(summons.fact("licadho"), summons.fact("vod"))]]) };
    expect(resolveFact("derived/rise", derived)).toMatchObject({ text: "+3" });
    expect(resolveFact("derived/rise | abs", derived)).toMatchObject({ text: "3" });
    expect(resolveFact("derived/rise | abs, words", derived)).toMatchObject({ text: "three" });
  });

  it("writes numbers and dates in the report's locale", () => {
    const fr = { ...context, locale: "fr-FR" };
    expect(resolveFact("tariff/lost-share", fr)).toMatchObject({ text: "environ 20\u00a0%" });
    expect(resolveFact("gdp/adb-ado2020u-2020", fr)).toMatchObject({ text: "\u22124,0\u00a0% (pr\u00e9vision)" });
    expect(resolveFact("timeline/trial-opens.date", fr)).toMatchObject({ text: "26 novembre 2020" });
  });
});

describe("resolveInline(text, context)", () => {
  it("links a figure reference to its number, and writes free text as text", () => {
    expect(resolveInline("ref summons", context)).toEqual({
      html: expect.objectContaining({ value: '<a class="pb-ref" href="#figure-summons">Figure 3</a>' }),
    });
    expect(resolveInline("ref nope", context)).toEqual({
      error: "{{ref nope}} refers to no embedded figure; figures: summons",
    });
    expect(resolveInline("free <4%>", context)).toEqual({ html: expect.objectContaining({ value: "&#60;4%&#62;" }) });
  });
});

describe("resolveInline(text, context): numbers in running prose", () => {
  const written = (text: string, at = context) => {
    const resolved = resolveInline(text, at);
    if ("error" in resolved) throw new Error(resolved.error);
    return resolved.fact!.text;
  };

  it("writes a signed value without its plus, unless | sign asks; key numbers and tables keep it", () => {
    expect(written("gdp/adb-2018")).toBe("7.3%");
    expect(written("gdp/adb-2018 | sign")).toBe("+7.3%");
    expect(written("gdp/adb-ado2020u-2020")).toBe("\u22124.0% (forecast)");
    expect(written("gdp/adb-2018", { ...context, locale: "fr-FR" })).toBe("7,3\u00a0%");
    expect(resolveFact("gdp/adb-2018", context)).toMatchObject({ text: "+7.3%" });
  });

  it("spells out an English count below ten, AP style, unless | digits asks for the figure", () => {
    expect(written("article/lawmakers")).toBe("eight");
    expect(written("article/lawmakers | digits")).toBe("8");
    expect(written("summons/vod")).toBe("59");
    expect(written("article/lawmakers", { ...context, locale: "fr-FR" })).toBe("8");
    expect(resolveFact("article/lawmakers", context)).toMatchObject({ text: "8" });
    expect(resolveFact("article/lawmakers | words, digits", context)).toEqual({
      error: "{{article/lawmakers | words, digits}}: words and digits contradict each other: choose one",
    });
  });
});

describe("resolveFact(derived/name, context) for aggregates", () => {
  const withDerived = () => {
    const summons = context.datasets.get("summons")!;
    const exact = { rows: { qualifier: "exact" } } as const;
    const derived = new Map([
      ["most", max(summons as never, "count" as never, exact)],
      ["second", rank(summons as never, "count" as never, "reuters")],
      ["mean", mean(summons as never, "count" as never, exact)],
    ]);
    return { ...context, derived };
  };

  it("writes a rank as an ordinal of how many, 'about' where the values are", () => {
    expect(resolveFact("derived/second", withDerived())).toMatchObject({ text: "about 2nd of 7" });
  });

  it("quotes a column of a maximum's row, citing that row's source", () => {
    expect(resolveFact("derived/most", withDerived())).toMatchObject({ text: "121" });
    expect(resolveFact("derived/most.reported_by", withDerived())).toEqual({
      id: "derived/most.reported_by",
      text: "Al Jazeera",
      source: "Source: Al Jazeera, news report, Nov. 26, 2020",
      published: parsePreciseDate("2020-11-26"),
    });
    expect(resolveFact("derived/most.date", withDerived())).toMatchObject({ text: "Nov. 26, 2020" });
  });

  it("says what is wrong with a column of a derived value", () => {
    expect(resolveFact("derived/most.nope", withDerived())).toEqual({
      error:
        'unknown column "nope" in {{derived/most.nope}}; columns of dataset summons: id, reported_by, date, count, qualifier, counted, source',
    });
    expect(resolveFact("derived/mean.reported_by", withDerived())).toMatchObject({
      error: expect.stringMatching(/^\{\{derived\/mean\.reported_by\}\}: derived value "mean" is not one row's value/),
    });
  });
});
