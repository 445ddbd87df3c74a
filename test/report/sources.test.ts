import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { countRows, max, mean, rank, shareOfTotal, sum } from "../../src/data/aggregate.js";
import { defineDataset } from "../../src/data/dataset.js";
import { difference } from "../../src/data/derive.js";
import { loadDataset } from "../../src/data/load.js";
import { defineSources } from "../../src/data/provenance.js";
import { kind, number, qualifier, source, text } from "../../src/data/schema.js";
import { CATALOGUE } from "../../src/i18n/messages.js";
import { describeAggregate, sourcesAndMethods } from "../../src/report/sources.js";
import { sourcesSection } from "../../src/templates/briefing/template.js";

const ENGLISH = { locale: "en-US", messages: CATALOGUE.en };
const root = fileURLToPath(new URL("../data/fixtures", import.meta.url));
const sources = defineSources({ s: { publisher: "Agency", title: "Counts", published: "2020" } });

/** Twelve rows a–l with values 1–12, in memory; `edit` changes the CSV's rows. */
function load(edit: (rows: string[]) => string[] = (rows) => rows) {
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
      source: source(),
    },
    sources: [sources.s],
  });
  const rows = [..."abcdefghijkl"].map((id, i) => `${id},${i < 6 ? "North" : "South"},${i + 1},exact,actual,s`);
  const csv = ["id,region,value,qualifier,kind,source", ...edit(rows)].join("\n");
  return loadDataset(spec, root, async () => new TextEncoder().encode(csv));
}

const line = (quoted: { aggregates?: readonly unknown[] }) =>
  describeAggregate(quoted.aggregates![0] as never, ENGLISH);

describe("describeAggregate(aggregate, words)", () => {
  it("states the aggregate, its column, the rows it came from and its value", async () => {
    const t = await load();
    expect(line(mean(t, "value"))).toBe("Mean of value over all 12 rows of Test data (a\u2013l): 6.5.");
    expect(line(sum(t, "value", { rows: { region: "South" } }))).toBe(
      'Sum of value over 6 rows of Test data where region is "South" (g\u2013l): 57.',
    );
    expect(line(sum(t, "value", { rows: ["a", "c", "e"] }))).toBe(
      "Sum of value over 3 rows of Test data (a, c and e): 9.",
    );
    expect(line(countRows(t, { rows: (row) => row.value !== 3 }))).toBe(
      "Count of 11 rows of Test data (a, b, d, e, f and 6 more): 11.",
    );
    expect(line(max(t, "value"))).toBe("Maximum of value over all 12 rows of Test data (a\u2013l): 12, in row l.");
    expect(line(rank(t, "value", "j"))).toBe(
      "Rank of row j by value, largest first, among all 12 rows of Test data (a\u2013l): 3rd of 12.",
    );
    expect(line(shareOfTotal(t, "value", "l"))).toBe(
      "Share of row l in the total of value over all 12 rows of Test data (a\u2013l): 15%.",
    );
  });

  it("says which rows were left out as empty, and how many values were qualified or forecasts", async () => {
    const t = await load((rows) => [...rows.slice(0, 10), "k,South,,exact,actual,s", "l,South,12,about,forecast,s"]);
    expect(line(mean(t, "value"))).toBe(
      "Mean of value over all 12 rows of Test data (a, b, c, d, e and 6 more): about 6.1 (forecast). " +
        "One row has no value and is left out (k). 1 of the 11 values is approximate or a bound. " +
        "1 of the 11 values is a forecast.",
    );
  });
});

describe("describeAggregate(aggregate, words) in another language", () => {
  const french = (quoted: { aggregates?: readonly unknown[] }) =>
    describeAggregate(quoted.aggregates![0] as never, { locale: "fr-FR", messages: CATALOGUE.fr! });

  it("states the aggregate, its selection, its rows and its value in the report's words", async () => {
    const t = await load();
    expect(french(sum(t, "value", { rows: { region: "South" } }))).toBe(
      'Somme de value sur 6 lignes de Test data où region vaut "South" (g\u2013l)\u00a0: 57.',
    );
    expect(french(countRows(t, { rows: (row) => row.value !== 3 }))).toBe(
      "Décompte de 11 lignes de Test data (a, b, d, e, f et 6 autres)\u00a0: 11.",
    );
    expect(french(max(t, "value", { rows: ["k", "l"] }))).toBe(
      "Maximum de value sur 2 lignes de Test data (k et l)\u00a0: 12, à la ligne l.",
    );
    const german = describeAggregate(rank(t, "value", "j").aggregates![0]!, {
      locale: "de-DE",
      messages: CATALOGUE.de!,
    });
    expect(german).toBe(
      "Rang der Zeile j nach value (absteigend) über alle 12 Zeilen von Test data (a\u2013l): Platz 3 von 12.",
    );
  });

  it("says in the report's words which rows were empty and which values were qualified or forecasts", async () => {
    const t = await load((rows) => [...rows.slice(0, 10), "k,South,,exact,actual,s", "l,South,12,about,forecast,s"]);
    expect(french(mean(t, "value"))).toBe(
      "Moyenne de value sur les 12 lignes de Test data (a, b, c, d, e et 6 autres)\u00a0: environ 6,1 (prévision). " +
        "Une ligne n’a pas de value et est écartée (k). 1 des 11 valeurs est approchée ou une borne. " +
        "1 des 11 valeurs est une prévision.",
    );
  });
});

describe("sourcesAndMethods(datasets, locale, neutralised, derived)", () => {
  it("lists each derived value's aggregates once, before the note on the data downloads", async () => {
    const t = await load();
    const north = mean(t, "value", { rows: { region: "North" } });
    const derived = new Map([
      ["north", north],
      ["gap", difference(mean(t, "value", { rows: { region: "South" } }), north)],
      ["first", difference(t.fact("b"), t.fact("a"))],
    ]);
    const { notes } = sourcesAndMethods([t], ENGLISH, 1, derived);
    expect(notes).toEqual([
      'Mean of value over 6 rows of Test data where region is "North" (a\u2013f): 3.5.',
      'Mean of value over 6 rows of Test data where region is "South" (g\u2013l): 9.5.',
      expect.stringMatching(/^In the data downloads, one cell/),
    ]);
    expect(sourcesAndMethods([t], ENGLISH, 0).notes).toEqual([]);
  });
});

describe("sourcesSection(sources, messages)", () => {
  it("cites a source without a title by publisher, kind and date, with no empty <cite>; a titled one with its title and kind", async () => {
    const cited = defineSources({
      vod: { publisher: "VOD English", kind: "news report", published: "2020-11-03", url: "https://example.org/vod" },
      adb: { publisher: "ADB", title: "Asian Development Outlook 2021", kind: "report", published: "2021-04-28" },
    });
    const spec = defineDataset({
      id: "c",
      title: "Counts",
      file: "c.csv",
      key: "id",
      columns: { id: text(), value: number(), qualifier: qualifier(), kind: kind(), source: source() },
      sources: [cited.vod, cited.adb],
    });
    const csv = "id,value,qualifier,kind,source\na,1,exact,actual,vod\nb,2,exact,actual,adb\n";
    const c = await loadDataset(spec, root, async () => new TextEncoder().encode(csv));
    const words = { locale: "fr-FR", messages: CATALOGUE.fr! };
    expect(sourcesAndMethods([c], words).datasets[0]!.sources).toEqual([
      { cite: "VOD English, news report, 3 novembre 2020", url: "https://example.org/vod" },
      { cite: "ADB, 28 avril 2021", title: "Asian Development Outlook 2021", kind: "report" },
    ]);
    const page = String(sourcesSection(sourcesAndMethods([c], ENGLISH), CATALOGUE.en)).replace(/\s+/g, " ");
    expect(page).toContain('<li><a href="https://example.org/vod">VOD English, news report, Nov. 3, 2020</a>. </li>');
    expect(page).toContain("<li>ADB, April 28, 2021: <cite>Asian Development Outlook 2021</cite> (report). </li>");
    expect(page).not.toContain("<cite></cite>");
  });
});
