// The claims audit measured on a labelled corpus: sentences with a number typed by hand from the data
// (each labelled with the value it copies) and sentences whose numbers are innocent (dates, years,
// ordinals, list and reference numbers, codes, restatements of a bound value, other units). Each
// sentence is audited as a notebook of its own, against small datasets loaded by the real loader.
import { beforeAll, describe, expect, it } from "vitest";
import { defineDataset } from "../../src/data/dataset.js";
import type { Dataset } from "../../src/data/dataset.js";
import { change } from "../../src/data/derive.js";
import type { Quoted } from "../../src/data/derive.js";
import { loadDataset } from "../../src/data/load.js";
import { defineSources } from "../../src/data/provenance.js";
import { UNITS } from "../../src/data/qualified.js";
import { count, date, number, oneOf, text } from "../../src/data/schema.js";
import { defineUnit } from "../../src/data/units.js";
import { auditClaims } from "../../src/report/audit.js";
import { parseMarkdown } from "../../src/report/markdown.js";
import { parseNotebook } from "../../src/report/notebook.js";

// A project's own units, as its datasets module defines them.
const beds = defineUnit({ name: "beds", forms: { en: { text: { one: "bed", other: "beds" } } } });
defineUnit({ name: "tonnes", forms: { en: { text: "t", symbol: true } } });

const sources = defineSources({ s: { publisher: "Test Agency", title: "Figures", published: "2021-01" } });
const files: Record<string, string> = {
  "gdp.csv": "id,growth\n2019,7.1\n2020,-3.1\n2021,3.0\n",
  "labour.csv":
    "id,rate,unit\nunemployment,4.5,percent\nyouth,11.8,percent\nparticipation,61.3,percent\nchange,-0.7,percentage-points\n",
  "people.csv":
    "id,people\ndisplaced,2400000\ncapital,2281951\njobs,2440000\nsummoned,59\ndefendants,121\nlawmakers,8\ndoctors,1376\nprotesters,2000\n",
  "money.csv":
    "id,value,unit\nexports,5.8,usd-billion\nlost-value,1,eur-billion\naid,1.1,usd-billion\nlobbying,500000,usd\nsentence,12,years\nshare,45,percent\n",
  "hospital.csv": "id,value,unit\nbeds,161,beds\nrice,12,tonnes\n",
  "seattle.csv": "date,readings\n2012-01-01,2\n2012-01-02,1\n2012-01-04,12\n2012-01-05,20\n2012-01-10,161\n",
};

const specs = [
  defineDataset({
    id: "gdp",
    title: "Growth",
    file: "data/gdp.csv",
    key: "id",
    columns: { id: text(), growth: number({ unit: "percent", signed: true }) },
    sources: [sources.s],
  }),
  defineDataset({
    id: "labour",
    title: "Labour market",
    file: "data/labour.csv",
    key: "id",
    columns: { id: text(), rate: number({ unit: "percent" }), unit: oneOf(UNITS) },
    sources: [sources.s],
  }),
  defineDataset({
    id: "people",
    title: "People",
    file: "data/people.csv",
    key: "id",
    columns: { id: text(), people: count() },
    sources: [sources.s],
  }),
  defineDataset({
    id: "money",
    title: "Money and terms",
    file: "data/money.csv",
    key: "id",
    columns: { id: text(), value: number({ unit: "usd" }), unit: oneOf(UNITS) },
    sources: [sources.s],
  }),
  defineDataset({
    id: "hospital",
    title: "A hospital and its supplies",
    file: "data/hospital.csv",
    key: "id",
    columns: { id: text(), value: number({ unit: beds }), unit: oneOf([...UNITS, "beds", "tonnes"]) },
    sources: [sources.s],
  }),
  defineDataset({
    id: "seattle",
    title: "Readings in Seattle",
    file: "data/seattle.csv",
    key: "date",
    columns: { date: date(), readings: count() },
    sources: [sources.s],
  }),
];

/** A sentence and the values it copies by hand (none for an innocent one). */
type Labelled = readonly [sentence: string, copies: readonly string[]];

const TYPED: readonly Labelled[] = [
  ["Growth reached 7.1% in 2019.", ["gdp/2019"]],
  ["The economy shrank by 3.1 percent in 2020.", ["gdp/2020"]],
  ["Growth was about 3% in 2021.", ["gdp/2021"]],
  ["Growth of 7.1 percent gave way to a fall of 3.1 percent.", ["gdp/2019", "gdp/2020"]],
  ["Unemployment stood at 4.5 per cent.", ["labour/unemployment"]],
  ["Youth unemployment was 11.8%, the highest since 1998.", ["labour/youth"]],
  ["Participation was 61.3%.", ["labour/participation"]],
  ["Unemployment fell by 0.7 percentage points.", ["labour/change"]],
  ["The revision came to 10.2 percentage points.", ["derived/revision"]],
  ["About 2.4 million people were displaced.", ["people/displaced"]],
  ["The capital has 2.3 million inhabitants.", ["people/capital"]],
  ["The capital is home to 2,281,951 people.", ["people/capital"]],
  ["Some 2,440 thousand jobs were created.", ["people/jobs"]],
  ["59 people were summoned on Nov. 3.", ["people/summoned"]],
  ["Al Jazeera reported 121 defendants.", ["people/defendants"]],
  ["In all, 8 lawmakers signed the letter.", ["people/lawmakers"]],
  ["Around 1,376 doctors left the country.", ["people/doctors"]],
  ["Some 1376 doctors left the country.", ["people/doctors"]],
  ["Exports to the EU were worth $5.8bn.", ["money/exports"]],
  ["Exports to the EU were worth US$5.8 billion in 2018.", ["money/exports"]],
  ["The tariffs hit exports worth €1 billion a year.", ["money/lost-value"]],
  ["The aid package came to 1.1 billion dollars.", ["money/aid"]],
  ["Cambodia paid $500,000 for lobbying.", ["money/lobbying"]],
  ["Cambodia paid $0.5 million for lobbying.", ["money/lobbying"]],
  ["Theary Seng faces 12 years in prison.", ["money/sentence"]],
  ["She faces a 12-year sentence.", ["money/sentence"]],
  ["The EU took about 45% of Cambodia's exports.", ["money/share"]],
  ["On 2012-01-10, 161 readings were taken.", ["seattle/2012-01-10"]],
  ["On one day in January, 20 readings were logged.", ["seattle/2012-01-05"]],
  ["Growth was {{gdp/2019}} in 2019 and 3.1% in 2020.", ["gdp/2020"]],
  ["Growth of \u22123.1% in 2020 followed 7.1pc in 2019.", ["gdp/2020", "gdp/2019"]],
  ["In May 45% of exports went to the EU.", ["money/share"]],
  ["**45%** of exports went to the EU, by [the VOA's count](https://example.org).", ["money/share"]],
  ["## 121 defendants", ["people/defendants"]],
  ["VOD's count (59) was lower than Al Jazeera's.", ["people/summoned"]],
  ["The count rose from 59 to 121 within weeks.", ["people/summoned", "people/defendants"]],
  ["Exports were worth 5.8 billion.", ["money/exports"]],
  ["Exports were worth $5.8 bn, about €1bn of them lost.", ["money/exports", "money/lost-value"]],
  ["Lobbying cost 500,000 dollars.", ["money/lobbying"]],
  ["2,400,000 people were displaced.", ["people/displaced"]],
  ["Youth unemployment, at 11.8 percent, rose on Jan. 2.", ["labour/youth"]],
  ["Youth unemployment was between 11.8 and 12 percent.", ["labour/youth"]],
  ["Some 2.4–2.5 million people were displaced.", ["people/displaced"]],
  ["Unemployment was 2,440 thousand in March.", ["people/jobs"]],
  ["Stations took from 12 to 20 readings a day.", ["seattle/2012-01-04", "seattle/2012-01-05"]],
  // Held out: written after the audit was tuned, labels kept as first written. Their first run gave
  // 11 of 12 values and 3 false alarms (a phone number, two page counts); the audit was fixed after.
  ["The ADB now sees growth of 3.0 per cent next year.", ["gdp/2021"]],
  ["Roughly 2.28m people live in the capital.", ["people/capital"]],
  ["Of the 121, only a handful appeared in court.", ["people/defendants"]],
  ["The EU absorbed 45 per cent of exports, worth US$5.8bn.", ["money/share", "money/exports"]],
  ["A jobless rate of 4.5pc is the lowest since the 1990s.", ["labour/unemployment"]],
  ["Lobbyists were paid half a million dollars ($500,000).", ["money/lobbying"]],
  ["Some 1,376 doctors have emigrated since Jan. 1.", ["people/doctors"]],
  ["Participation reached 61.3 per cent in Q4.", ["labour/participation"]],
  ["Growth slowed from 7.1% to −3.1%.", ["gdp/2019", "gdp/2020"]],
  ["Seng could spend up to 12 years behind bars.", ["money/sentence"]],
  // Added with units read from the registry: a project's own, matched by its words and not by another unit.
  ["The new hospital has 161 beds.", ["hospital/beds"]],
  ["Ships brought 12 t of rice.", ["hospital/rice"]],
  ["Ships brought 12 tonnes of rice.", ["hospital/rice"]],
  // Missed by design: a bare whole number from 1900 to 2100 is read as a year, and (1) to (20) as list numbers.
  ["Some 2000 protesters marched.", ["people/protesters"]],
  ["US lawmakers (8) signed the letter.", ["people/lawmakers"]],
];

const INNOCENT: readonly Labelled[] = [
  ["On 2012-01-02 the station was closed.", []],
  ["The data run from Jan. 2, 2012, to Jan. 10, 2012.", []],
  ["The storm came on 2 January 2012 and again on the 20th of January.", []],
  ["Readings resumed on 12/01/2012.", []],
  ["The trial resumed on Jan. 12 and again on Jan. 20.", []],
  ["In 2019 the economy was still booming.", []],
  ["The 2019–20 budget was cut, as it was in 2012–2013.", []],
  ["Between 1993 and 2018 the party won every election.", []],
  ["Rates were cut in the 1990s and again in '08.", []],
  ["Results were published at 10:30, 9 a.m. and 12pm on the 12th.", []],
  ["It was the 1st, 2nd and 121st meeting.", []],
  ["See Figure 2 and pages 59–61 for the full list.", []],
  ["Article 121 of the constitution was cited in section 4.5.", []],
  ["Chapter 12, Table 8 and footnote 20 explain it.", []],
  ["The G20 summit discussed CO2 and COVID-19.", []],
  ["Print it on A4 paper, or send it over 4G.", []],
  ["Call +1 202 555 0147 or (206) 555-0121 for details.", []],
  ["Install version 2.1.12 of the tool.", []],
  ["Growth slowed sharply [2].", []],
  ["The plan has three parts: (1) trade, (2) courts and (8) aid.", []],
  ["1. Trade\n2. Courts\n8. Aid", []],
  ["Route 66 and Room 101 were closed on Day 2 of Phase 2.", []],
  ["A 121-page report came out.", []],
  ["Growth was {{gdp/2020}}, or about 3%.", []],
  ["VOD counted {{people/summoned}} people, 59 in all.", []],
  ["Exports were worth {{money/exports}} ($5.8bn).", []],
  ["Al Jazeera reported {{people/defendants}} defendants (121 in its count).", []],
  ["Growth of {{gdp/2019 | abs}} (7.1%) was the fastest in years.", []],
  ["The capital had 161 mm of rain that year.", []],
  ["Temperatures reached 12 °C.", []],
  ["Exports rose by 8 percent.", []],
  ["Aid was 1.1 million euros.", []],
  ["The hearing lasted 121 days.", []],
  ["It took 2 hours and 20 minutes.", []],
  ["Witnesses aged 20 to 45 were heard.", []],
  ["Fewer than one in five voted; the rest, {{free 59}}, stayed home.", []],
  ["Code `59` is left alone.", []],
  ["Dated May 2, 2012, the letter was signed by the 8th congress.", []],
  ["The 2012-01-10T10:30Z reading was lost.", []],
  ["Jobs fell to 2.4 per 1,000 people? No: the ratio was 3:1.", []],
  ["Page 3 of the ruling, paragraph 45 and pp. 12–20 say so, as does § 20.", []],
  ["On January 20th the 20 January 2012 ruling was read out.", []],
  ["UN Resolution 2334 and FY2019 figures for Q3 2012 were cited.", []],
  ["It was a 20-minute walk and a 12-month high.", []],
  ["Growth peaked in the year 2012 and in 1998.", []],
  ["Elected in 1789, he served until 1797.", []],
  ["Between 30 and 40% of the vote went to the CPP, by https://example.org/2020/121.", []],
  ["Figure 2 and pages 8–12 show 161 mm of rain.", []],
  ["Seattle had 161 days of rain, 7.1 inches in November and a low of 2 °F.", []],
  ["They won 2-1, drew 1-1 and split 50-50 at 12 noon.", []],
  ["Interstate 5, World War 2 and the 401(k) plan were mentioned.", []],
  // Held out: written after the audit was tuned, labels kept as first written.
  ["The hearing, set for 9:30 a.m. on Nov. 26, 2020, was postponed to Jan. 14.", []],
  ["Under Article 5 of the treaty, the 27 member states must agree.", []],
  ["See the chart in Figure 3 (source: ILO, 2021).", []],
  ["The decree (No. 121) took effect on 1 August 2020.", []],
  ["Call the hotline on 023 210 121 before 5pm.", []],
  ["The 2012–13 and 2019/20 seasons were wet ones.", []],
  ["Step 2: compare {{people/summoned}} with the 59 names on the list.", []],
  ["The first two lists, of 12 and 20 pages, were published in 2020.", []],
  ["Version 12.0.1 fixed the bug reported in issue #161.", []],
  ["The temperature fell to 12°F overnight on Jan. 20.", []],
  // Added with units read from the registry: 20 beds is not the 20 readings, 161 t not the 161 readings.
  ["The old wing had 20 beds.", []],
  ["In all, 161 t of rice arrived.", []],
];

let datasets: Dataset[];
let derived: Map<string, Quoted>;

beforeAll(async () => {
  const read = async (path: string) => new TextEncoder().encode(files[path.split("/").pop()!]!);
  datasets = (await Promise.all(
    specs.map((spec) => loadDataset(spec as never, "/nonexistent-project", read)),
  )) as unknown as Dataset[];
  const gdp = datasets[0]!;
  derived = new Map([["revision", change(gdp.fact("2019"), gdp.fact("2020"))]]);
});

/** The values the audit says a sentence copies, one entry per warning. */
function flagged(sentence: string): string[] {
  const source = `---\ntitle: Corpus\ndek: A sentence.\nbyline: Tests\ndate: 2021-01-01\n---\n\n${sentence}\n`;
  const notebook = parseNotebook("corpus.md", source);
  const warnings = auditClaims(notebook, parseMarkdown(notebook.body), datasets, derived);
  return warnings.map((warning) => /looks like (\S+) \(/.exec(warning)![1]!);
}

describe("auditClaims on a labelled corpus", () => {
  it("flags hand-typed data values and nothing innocent: precision 1, recall at least 0.95", () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const misses: string[] = [];
    for (const [sentence, copies] of [...TYPED, ...INNOCENT]) {
      const found = [...new Set(flagged(sentence))];
      const hits = found.filter((id) => copies.includes(id));
      truePositives += hits.length;
      falsePositives += found.length - hits.length;
      falseNegatives += copies.filter((id) => !found.includes(id)).length;
      if (found.length !== hits.length || hits.length !== copies.length)
        misses.push(`${JSON.stringify(sentence)}: expected [${copies.join(", ")}], flagged [${found.join(", ")}]`);
    }
    const precision = truePositives / Math.max(truePositives + falsePositives, 1);
    const recall = truePositives / Math.max(truePositives + falseNegatives, 1);
    const sentences = TYPED.length + INNOCENT.length;
    console.log(
      `claims audit on ${sentences} sentences (${TYPED.length} with typed values, ${INNOCENT.length} innocent): ` +
        `precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`,
    );
    if (misses.length > 0) console.log(misses.join("\n"));
    expect(sentences).toBeGreaterThanOrEqual(40);
    expect(falsePositives, misses.join("\n")).toBe(0);
    expect(recall, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  });
});
