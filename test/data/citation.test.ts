import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { max, mean } from "../../src/data/aggregate.js";
import { citationAgrees } from "../../src/data/citation.js";
import { defineDataset } from "../../src/data/dataset.js";
import { loadDataset } from "../../src/data/load.js";
import { defineSources } from "../../src/data/provenance.js";
import { cites, kind, number, qualifier, source, text } from "../../src/data/schema.js";
import type { QualifiedNumber } from "../../src/data/qualified.js";
import { CATALOGUE } from "../../src/i18n/messages.js";
import { sourcesAndMethods } from "../../src/report/sources.js";
import { makeTable, tableOf } from "../../src/figures/table.js";

const root = fileURLToPath(new URL("fixtures", import.meta.url));
const sources = defineSources({
  adb: { publisher: "ADB", title: "Outlook", kind: "report", published: "2020-09-15" },
  article: { publisher: "Asia Times", kind: "news analysis", published: "2020-11" },
});

function spec(file: string) {
  return defineDataset({
    id: "gdp",
    title: "Growth",
    file,
    key: "id",
    columns: {
      id: text(),
      value: number({ unit: "percent", signed: true }),
      qualifier: qualifier(),
      kind: kind(),
      source: source(),
      cites: cites(),
    },
    sources: [sources.adb, sources.article],
    compare: { value: "value", group: () => "growth", describe: (row) => row.id },
  });
}

const q = (value: number, qualifier: QualifiedNumber["qualifier"], digits = 0): QualifiedNumber => ({
  value,
  digits,
  qualifier,
  kind: "forecast",
  unit: "percent",
  signed: true,
});

describe("cites()", () => {
  it("dataset.rows leaves citations out; dataset.citations, citationsOf and original reach them", async () => {
    const gdp = await loadDataset(spec("citations.csv"), root);
    expect(gdp.rows.map((row) => row.id)).toEqual(["adb-sept", "adb-apr"]);
    expect(gdp.citations.map((row) => row.id)).toEqual(["article", "rounded"]);
    expect(gdp.citationsOf(gdp.row("adb-sept")!).map((row) => row.id)).toEqual(["article"]);
    expect(gdp.citationsOf(gdp.row("article")!)).toEqual([]);
    expect(gdp.original(gdp.row("article")!)?.id).toBe("adb-sept");
    expect(gdp.original(gdp.row("adb-sept")!)).toBeUndefined();
    expect(gdp.cites(gdp.row("rounded")!)).toBe("adb-apr");
  });

  it("aggregates and comparisons skip citations; naming one in an aggregate is an error", async () => {
    const gdp = await loadDataset(spec("citations.csv"), root);
    expect(mean(gdp, "value").value.value).toBeCloseTo(-0.85);
    expect(max(gdp, "value").aggregates![0]!.keys).toEqual(["adb-sept", "adb-apr"]);
    expect(() => mean(gdp, "value", { rows: ["adb-sept", "article"] })).toThrow(
      'row "article" of dataset gdp is a citation of "adb-sept", not a value of its own; take "adb-sept" instead',
    );
    const [described] = sourcesAndMethods([gdp], { locale: "en-US", messages: CATALOGUE.en }).datasets;
    // −4 and about −4 would be a disagreement if the citation were an estimate of its own.
    expect(described!.disagreements).toEqual([
      "Sources disagree on growth: \u22124.0% (forecast) (ADB, Sept. 15, 2020: adb-sept); +2.3% (forecast) (ADB, Sept. 15, 2020: adb-apr).",
    ]);
    expect(described!.citations).toEqual([
      "Asia Times, news analysis, Nov. 2020, cites adb-sept (ADB, Sept. 15, 2020): \u22124.0% (forecast), stated as about \u22124% (forecast); a citation, not an estimate of its own.",
      "Asia Times, news analysis, Nov. 2020, cites adb-apr (ADB, Sept. 15, 2020): +2.3% (forecast), stated as +2% (forecast); a citation, not an estimate of its own.",
    ]);
    // Asia Times states no value of its own here: it is listed as citing, not as a source.
    expect(described!.sources).toEqual([{ cite: "ADB, Sept. 15, 2020", title: "Outlook", kind: "report" }]);
  });

  it("a table shows the rows; its download keeps their citations after them, with the cites column", async () => {
    const gdp = await loadDataset(spec("citations.csv"), root);
    const table = makeTable(tableOf(gdp, ["id", "value"], { rows: [gdp.row("adb-sept")!] }));
    expect(table.rows).toEqual([["adb-sept", "\u22124.0% (forecast)"]]);
    expect(table.csv).toBe(
      "id,value,qualifier,kind,source,cites\nadb-sept,-4.0,exact,forecast,adb,\narticle,-4,about,forecast,article,adb-sept\n",
    );
  });

  it("says which citations cite no row, themselves, a citation, or a value they disagree with", async () => {
    const error = await loadDataset(spec("bad-citations.csv"), root).then(
      () => expect.fail("bad-citations.csv loaded without error"),
      (error: Error) => error,
    );
    expect(error.name).toBe("UserError");
    expect(error.message.split("\n")).toEqual([
      'bad-citations.csv:4: column "cites": row "self" cites itself; a row cites the row whose value it restates, or leaves cites empty',
      'bad-citations.csv:5: column "cites": row "missing" cites "adb-spet", which is no row\'s key; cite the key of the row it restates (close keys: "adb-sept")',
      'bad-citations.csv:7: column "cites": row "chain" cites "article", which is itself a citation of "adb-sept"; cite "adb-sept", the row that states the value',
      'bad-citations.csv:8: column "cites": row "far" states value about \u22124.5% (forecast), which does not agree with \u22124.0% (forecast) in "adb-sept", the row it cites; correct the value, or leave cites empty if the row is an estimate of its own',
      'bad-citations.csv:10: column "cites": row "less" states value more than +3% (forecast), which does not agree with +2.3% (forecast) in "adb-apr", the row it cites; correct the value, or leave cites empty if the row is an estimate of its own',
    ]);
  });

  it("citationAgrees(citation, original) reads the citation's qualifier and written precision", () => {
    expect(citationAgrees(q(-4, "exact"), q(-4, "exact", 1))).toBe(true);
    expect(citationAgrees(q(-4, "exact"), q(-4.4, "exact", 1))).toBe(true);
    expect(citationAgrees(q(-4, "exact"), q(-4.6, "exact", 1))).toBe(false);
    expect(citationAgrees(q(-4.0, "exact", 1), q(-4.06, "exact", 2))).toBe(false);
    expect(citationAgrees(q(4, "about"), q(4.4, "exact", 1))).toBe(true);
    expect(citationAgrees(q(4, "about"), q(4.5, "exact", 1))).toBe(false);
    expect(citationAgrees(q(50, "more-than"), q(56, "exact"))).toBe(true);
    expect(citationAgrees(q(50, "more-than"), q(50, "exact"))).toBe(false);
    expect(citationAgrees(q(50, "at-least"), q(50, "exact"))).toBe(true);
    expect(citationAgrees(q(12, "up-to"), q(12, "exact"))).toBe(true);
    expect(citationAgrees(q(12, "up-to"), q(13, "exact"))).toBe(false);
  });
});
