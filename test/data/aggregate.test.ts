import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  bounded,
  countRows,
  formatRank,
  max,
  mean,
  median,
  min,
  rank,
  rowOf,
  shareOfTotal,
  sum,
} from "../../src/data/aggregate.js";
import type { Aggregation } from "../../src/data/aggregate.js";
import { defineDataset } from "../../src/data/dataset.js";
import { difference } from "../../src/data/derive.js";
import { formatNumber } from "../../src/data/format.js";
import { loadDataset } from "../../src/data/load.js";
import { defineSources } from "../../src/data/provenance.js";
import { UNITS } from "../../src/data/qualified.js";
import { datetime, kind, number, oneOf, qualifier, source, text } from "../../src/data/schema.js";
import * as cambodia from "../../data/cambodia-2020/datasets.js";
import { ROOT } from "../project.js";

const root = fileURLToPath(new URL("fixtures", import.meta.url));
const sources = defineSources({
  one: { publisher: "Agency One", title: "Counts", published: "2020" },
  two: { publisher: "Agency Two", title: "More counts", published: "2021" },
});

/** A dataset of id, region, value (optional), qualifier, kind, unit and source, read from `csv` in memory. */
function load(csv: string) {
  const spec = defineDataset({
    id: "t",
    title: "Test data",
    file: "t.csv",
    key: "id",
    columns: {
      id: text(),
      region: text(),
      value: number({ unit: "count", optional: true }),
      qualifier: qualifier(),
      kind: kind(),
      unit: oneOf(UNITS),
      source: source(),
    },
    sources: [sources.one, sources.two],
  });
  return loadDataset(spec, root, async () =>
    new TextEncoder().encode(`id,region,value,qualifier,kind,unit,source\n${csv}`),
  );
}

const PLAIN = [
  "a,Asia,1,exact,actual,count,one",
  "b,Asia,2,exact,actual,count,one",
  "c,Europe,3,exact,actual,count,two",
  "d,Europe,4,exact,actual,count,two",
  "e,Africa,5,exact,actual,count,two",
  "f,Africa,6,exact,actual,count,two",
].join("\n");

const value = (quoted: { value: { value: number } }) => quoted.value.value;

describe("aggregates over all rows", () => {
  it("sum, mean, median, min, max and countRows give exact values", async () => {
    const t = await load(PLAIN);
    expect(sum(t, "value").value).toEqual({
      value: 21,
      digits: 0,
      qualifier: "exact",
      kind: "actual",
      unit: "count",
      signed: false,
    });
    expect(value(mean(t, "value"))).toBe(3.5);
    expect(value(median(t, "value"))).toBe(3.5);
    expect(value(min(t, "value"))).toBe(1);
    expect(value(max(t, "value"))).toBe(6);
    expect(countRows(t).value).toEqual({
      value: 6,
      digits: 0,
      qualifier: "exact",
      kind: "actual",
      unit: "count",
      signed: false,
    });
  });

  it("mean and median add a decimal only where the result needs it", async () => {
    const t = await load(PLAIN);
    expect(mean(t, "value").value).toMatchObject({ value: 3.5, digits: 1 });
    expect(mean(t, "value", { rows: ["b", "d"] }).value).toMatchObject({ value: 3, digits: 0 });
    expect(mean(t, "value", { rows: ["a", "b", "d"] }).value).toMatchObject({ value: 2.3, digits: 1 });
    expect(median(t, "value", { rows: ["a", "c", "f"] }).value).toMatchObject({ value: 3, digits: 0 });
    expect(mean(t, "value", { digits: 2 }).value).toMatchObject({ value: 3.5, digits: 2 });
  });

  it("min and max know their row, and their ties", async () => {
    const t = await load(`${PLAIN}\ng,Asia,6,exact,actual,count,one`);
    const top = max(t, "value");
    expect(top.aggregates![0]).toMatchObject({ op: "max", row: "f", ties: ["g"] });
    expect(rowOf(top)).toEqual({ dataset: "t", key: "f" });
    expect(rowOf(min(t, "value"))).toEqual({ dataset: "t", key: "a" });
    // A value derived further is no longer one row's.
    expect(rowOf(difference(top, min(t, "value")))).toBeUndefined();
  });

  it("rank(dataset, column, key) counts the rows ahead, and is written as '3rd of 6'", async () => {
    const t = await load(PLAIN);
    const third = rank(t, "value", "d");
    expect(third.value).toMatchObject({ value: 3, digits: 0, unit: "count", qualifier: "exact" });
    expect(formatRank(third.value, third.aggregates![0]!)).toBe("3rd of 6");
    const smallest = rank(t, "value", "a", { order: "ascending" });
    expect(formatRank(smallest.value, smallest.aggregates![0]!)).toBe("1st of 6");
    const tied = await load(`${PLAIN}\ng,Asia,5,exact,actual,count,one`);
    const joint = rank(tied, "value", "e");
    expect(formatRank(joint.value, joint.aggregates![0]!)).toBe("joint 2nd of 7");
    expect(formatRank(joint.value, joint.aggregates![0]!, { locale: "fr-FR" })).toBe("2e ex aequo sur 7");
    expect(formatRank(smallest.value, smallest.aggregates![0]!, { locale: "fr-FR" })).toBe("1er sur 6");
    expect(formatRank(third.value, third.aggregates![0]!, { locale: "de-DE" })).toBe("Platz 3 von 6");
    expect(formatRank(third.value, third.aggregates![0]!, { locale: "es-ES" })).toBe("puesto 3 de 6");
    expect(formatRank(rank(t, "value", "a").value, rank(t, "value", "a").aggregates![0]!)).toBe("6th of 6");
  });

  it("shareOfTotal(dataset, column, key) is the row's percentage of the column's total", async () => {
    const t = await load(PLAIN);
    expect(shareOfTotal(t, "value", "c").value).toEqual({
      value: 14,
      digits: 0,
      qualifier: "exact",
      kind: "actual",
      unit: "percent",
      signed: false,
    });
    expect(value(shareOfTotal(t, "value", "c", { digits: 1 }))).toBe(14.3);
    expect(value(shareOfTotal(t, "value", "c", { rows: { region: "Europe" } }))).toBe(43);
    expect(shareOfTotal(t, "value", "c").aggregates).toMatchObject([{ op: "share-of-total", row: "c" }]);
  });
});

describe("selecting rows", () => {
  it("takes keys, column values, lists of values or a test, in the dataset's order", async () => {
    const t = await load(PLAIN);
    expect(value(sum(t, "value", { rows: ["f", "a"] }))).toBe(7);
    expect(sum(t, "value", { rows: ["f", "a"] }).aggregates![0]!.keys).toEqual(["a", "f"]);
    expect(value(sum(t, "value", { rows: { region: "Europe" } }))).toBe(7);
    expect(value(sum(t, "value", { rows: { region: ["Asia", "Africa"] } }))).toBe(14);
    expect(value(sum(t, "value", { rows: (row) => row.value! > 4 }))).toBe(11);
    expect(value(countRows(t, { rows: { region: "Asia" } }))).toBe(2);
  });

  it("matches a date column by the date as the data writes it", async () => {
    const summons = await loadDataset(cambodia.summons, ROOT);
    expect(countRows(summons, { rows: { date: "2020-11-13" } }).aggregates![0]!.keys).toEqual(["licadho", "ap"]);
    expect(value(countRows(summons, { rows: { date: ["2020-11", "2020-11-26"] } }))).toBe(3);
    expect(() => countRows(summons, { rows: { date: "2020-11-14" } })).toThrow(
      'no rows of dataset summons match rows where date is "2020-11-14"',
    );
  });

  it("refuses an empty selection, naming the dataset and the selection", async () => {
    const t = await load(PLAIN);
    expect(() => mean(t, "value", { rows: { region: "Mars" } })).toThrow(
      'no rows of dataset t match rows where region is "Mars"',
    );
    expect(() => countRows(t, { rows: (row) => row.value! > 100 })).toThrow(
      "no rows of dataset t match the test (row) => row.value > 100",
    );
    expect(() => sum(t, "value", { rows: [] })).toThrow("no rows of dataset t match the rows ");
  });

  it("names an unknown key, column or number column", async () => {
    const t = await load(PLAIN);
    expect(() => sum(t, "value", { rows: ["a", "z"] })).toThrow('dataset t has no row with id "z"');
    expect(() => sum(t, "value", { rows: { continent: "Asia" } as never })).toThrow(
      'dataset t has no column "continent"; columns: id, region, value, qualifier, kind, unit, source',
    );
    // The compiler refuses a column that is not a number; a report in plain JavaScript is told at build.
    // @ts-expect-error region is text
    expect(() => sum(t, "region")).toThrow('dataset t has no number column "region"; number columns: value');
    // @ts-expect-error there is no such column
    expect(() => mean(t, "valeu")).toThrow('dataset t has no number column "valeu"; number columns: value');
    expect(() => rank(t, "value", "a", { rows: ["b", "c"] })).toThrow(
      'row "a" of dataset t is not among the rows "b", "c", or its value is empty',
    );
  });

  it("leaves out rows with an empty cell and records them; all empty is an error", async () => {
    const t = await load(`${PLAIN}\ng,Asia,,exact,actual,count,one`);
    const total = sum(t, "value");
    expect(value(total)).toBe(21);
    expect(total.aggregates![0]).toMatchObject({ empty: ["g"], all: true });
    expect(() => mean(t, "value", { rows: ["g"] })).toThrow(
      'the mean of value over the rows "g" of dataset t: every selected row\'s value is empty',
    );
  });

  it("refuses to add values in different units", async () => {
    const t = await load(`${PLAIN}\ng,Asia,7,exact,actual,usd,one`);
    expect(() => sum(t, "value")).toThrow(
      "cannot take the sum of value in dataset t across units: count (row a), usd (row g)",
    );
  });
});

describe("qualifiers, kinds and sources", () => {
  it("bounded(qualifiers): about in, about out; bounds of one direction stay bounds", () => {
    expect(bounded(["exact", "exact"])).toBe("exact");
    expect(bounded(["exact", "about"])).toBe("about");
    expect(bounded(["exact", "at-least"])).toBe("at-least");
    expect(bounded(["at-least", "more-than", "exact"])).toBe("more-than");
    expect(bounded(["up-to", "exact"])).toBe("up-to");
    expect(bounded(["more-than", "up-to"])).toBe("about");
  });

  it("a sum, mean or median of an 'about' is 'about'; of a 'more than', 'more than'", async () => {
    const t = await load(PLAIN.replace("c,Europe,3,exact", "c,Europe,3,about"));
    for (const aggregate of [sum, mean, median]) expect(aggregate(t, "value").value.qualifier).toBe("about");
    expect(formatNumber(sum(t, "value").value)).toBe("about 21");
    const more = await load(PLAIN.replace("c,Europe,3,exact", "c,Europe,3,more-than"));
    expect(formatNumber(sum(more, "value").value)).toBe("more than 21");
    expect(sum(more, "value").aggregates![0]!.inexact).toBe(1);
  });

  it("a max beside another row's lower bound is 'at least'; beside an upper bound, as it was", async () => {
    const lower = await load(PLAIN.replace("c,Europe,3,exact", "c,Europe,3,more-than"));
    expect(max(lower, "value").value.qualifier).toBe("at-least");
    expect(min(lower, "value").value.qualifier).toBe("exact");
    const upper = await load(PLAIN.replace("c,Europe,3,exact", "c,Europe,3,up-to"));
    expect(max(upper, "value").value.qualifier).toBe("exact");
    expect(min(upper, "value").value.qualifier).toBe("up-to");
    const top = await load(PLAIN.replace("f,Africa,6,exact", "f,Africa,6,more-than"));
    expect(formatNumber(max(top, "value").value)).toBe("more than 6");
  });

  it("a rank among inexact values is 'about'", async () => {
    const t = await load(PLAIN.replace("c,Europe,3,exact", "c,Europe,3,about"));
    const ranked = rank(t, "value", "d");
    expect(formatRank(ranked.value, ranked.aggregates![0]!)).toBe("about 3rd of 6");
  });

  it("a forecast in, a forecast out; an estimate in, an estimate out", async () => {
    const t = await load(PLAIN.replace("f,Africa,6,exact,actual", "f,Africa,6,exact,forecast"));
    expect(formatNumber(mean(t, "value").value)).toBe("3.5 (forecast)");
    expect(mean(t, "value").aggregates![0]).toMatchObject({ forecasts: 1, estimates: 0 });
    expect(mean(t, "value", { rows: ["a", "b"] }).value.kind).toBe("actual");
    const ranked = rank(t, "value", "f");
    expect(formatRank(ranked.value, ranked.aggregates![0]!)).toBe("1st of 6 (forecast)");
    expect(formatRank(ranked.value, ranked.aggregates![0]!, { locale: "fr-FR" })).toBe("1er sur 6 (prévision)");
    const estimated = await load(PLAIN.replace("a,Asia,1,exact,actual", "a,Asia,1,exact,estimate"));
    expect(sum(estimated, "value").value.kind).toBe("estimate");
  });

  it("cites the union of the rows' sources, in order of first use", async () => {
    const t = await load(PLAIN);
    expect(sum(t, "value").sources.map((s) => s.id)).toEqual(["one", "two"]);
    expect(sum(t, "value", { rows: { region: "Asia" } }).sources.map((s) => s.id)).toEqual(["one"]);
    expect(countRows(t, { rows: ["c", "d"] }).sources.map((s) => s.id)).toEqual(["two"]);
    expect(max(t, "value").sources.map((s) => s.id)).toEqual(["one", "two"]);
  });

  it("a value derived from aggregates carries both, for Sources and methods", async () => {
    const t = await load(PLAIN);
    const gap = difference(
      mean(t, "value", { rows: { region: "Africa" } }),
      mean(t, "value", { rows: { region: "Asia" } }),
    );
    expect(gap.value).toMatchObject({ value: 4, signed: true });
    expect(gap.aggregates!.map((a: Aggregation) => a.where)).toEqual(['region is "Africa"', 'region is "Asia"']);
  });
});

describe("keys that are numbers or moments", () => {
  /** Rates keyed by a number, with a timestamp column, read from `csv` in memory. */
  async function rates(csv: string) {
    const spec = defineDataset({
      id: "rates",
      title: "Rates",
      file: "rates.csv",
      key: "rate",
      columns: {
        rate: number({ unit: "percent" }),
        at: datetime(),
        value: number({ unit: "count" }),
        source: source(),
      },
      sources: [sources.one],
    });
    return loadDataset(spec, root, async () => new TextEncoder().encode(`rate,at,value,source\n${csv}`));
  }

  it("finds a row by its key as the data's column reads it, and names a moment in UTC in any time zone", async () => {
    const t = await rates("4.50,2012-01-02T09:00:00+01:00,45,one\n5,2012-01-03T09:00:00Z,50,one\n");
    expect(value(rank(t, "value", "4.50"))).toBe(2);
    expect(value(sum(t, "value", { rows: ["4.50", "5"] }))).toBe(95);
    const at = sum(t, "value", { rows: { at: new Date("2012-01-02T08:00:00Z") } });
    expect(value(at)).toBe(45);
    expect(at.aggregates![0]!.where).toBe('at is "2012-01-02T08:00:00Z"');
  });
});
