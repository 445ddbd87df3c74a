import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/data/dataset.js";
import { resolveFact } from "../../src/report/facts.js";
import { loadReport } from "../../src/report/report.js";
import { ROOT } from "../project.js";

let datasets: ReadonlyMap<string, Dataset>;

beforeAll(async () => {
  datasets = (await loadReport(ROOT, "cambodia-2020")).datasets;
});

describe("resolveFact(text, datasets)", () => {
  it("quotes a row's first number with its qualifier and kind, and names its source", () => {
    expect(resolveFact("tariff/lost-share", datasets)).toEqual({
      id: "tariff/lost-share.value",
      text: "about 20%",
      source: "Source: European Commission via VOA Khmer, Feb. 12, 2020",
    });
    expect(resolveFact("gdp/adb-ado2020u-2020", datasets)).toMatchObject({ text: "\u22124.0% (forecast)" });
    expect(resolveFact("summons/article", datasets)).toMatchObject({ text: "more than 50" });
  });

  it("writes the article's contraction as the article did, with options", () => {
    expect(resolveFact("gdp/article-2020 | abs, no-kind", datasets)).toMatchObject({ text: "about 4%" });
  });

  it("quotes other columns by name: dates to their precision, text as is", () => {
    expect(resolveFact("timeline/ream-1.date", datasets)).toMatchObject({ text: "Sept. 2020" });
    expect(resolveFact("summons/vod.reported_by", datasets)).toMatchObject({ text: "VOD" });
  });

  it("says what exists when a reference is wrong", () => {
    expect(resolveFact("gdp/adb-2030", datasets)).toEqual({
      error: 'unknown fact "gdp/adb-2030": no row of dataset "gdp" has id "adb-2030"',
    });
    expect(resolveFact("gpd/adb-2018", datasets)).toEqual({
      error: 'unknown dataset "gpd" in {{gpd/adb-2018}}; datasets: tariff, gdp, summons, timeline, article',
    });
    expect(resolveFact("gdp/adb-2018.rate", datasets)).toMatchObject({
      error: expect.stringMatching(/^unknown column "rate"/),
    });
    expect(resolveFact("gdp/adb-2018 | round", datasets)).toEqual({
      error: 'unknown option "round" in {{gdp/adb-2018 | round}}; options: abs, no-kind, short',
    });
  });
});
