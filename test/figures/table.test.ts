import { describe, expect, it } from "vitest";
import { Dataset, defineDataset } from "../../src/data/dataset.js";
import { defineSources } from "../../src/data/provenance.js";
import { number, text } from "../../src/data/schema.js";
import { makeTable, tableOf } from "../../src/figures/table.js";

const sources = defineSources({ s: { publisher: "UN", title: "Population", published: "2024" } });
const spec = defineDataset({
  id: "pop",
  title: "Population",
  file: "pop.csv",
  key: "country",
  columns: { country: text(), people: number({ unit: "people" }), share: number() },
  sources: [sources.s],
});
const rows = [{ country: "India", people: 1428627663, share: 0.177 }];
// A dataset as loadDataset makes one, without a file: the rows and their written decimals.
const pop = new Dataset(spec as never, rows, new Map([[rows[0]!, { share: 3 }]]));

describe("tableOf(dataset, columns, { styles })", () => {
  it("writes a column's numbers in the notebook's styles, in the table's locale", () => {
    const table = tableOf(pop, ["country", "people", "share"], {
      styles: { people: "compact, round 1", share: "percent" },
    });
    expect(makeTable(table).rows).toEqual([["India", "1.4 billion people", "17.7%"]]);
    expect(makeTable(table, { locale: "fr-FR" }).rows).toEqual([["India", "1,4 milliard de personnes", "17,7\u00a0%"]]);
    // The download keeps the values as the source wrote them.
    expect(makeTable(table).csv).toBe("country,people,share\nIndia,1428627663,0.177\n");
  });

  it("marks the number columns, to be set right-aligned in tabular figures; text columns are not", () => {
    expect(makeTable(tableOf(pop, ["country", "people", "share"])).numeric).toEqual([false, true, true]);
    expect(makeTable(tableOf(pop, ["share", "country"])).numeric).toEqual([true, false]);
  });

  it("sets its headings in the prose's typography, its cells and download as the data has them", () => {
    const table = makeTable(tableOf(pop, ["country", "people"], { labels: { people: "People's count" } }));
    expect(table.head).toEqual(["Country", "People\u2019s count"]);
  });

  it("names the table and the column of a style that does not exist", () => {
    expect(() => tableOf(pop, ["people"], { styles: { people: "compactt" } })).toThrow(
      'tableOf(pop): column "people": unknown style "compactt"; styles: abs, no-kind, short, compact, compact-short, percent, words, digits, sign, round N, round N sig',
    );
  });
});
