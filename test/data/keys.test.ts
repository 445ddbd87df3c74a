import { describe, expect, it } from "vitest";
import { keyText, nearKeys } from "../../src/data/keys.js";
import { PreciseDate } from "../../src/data/qualified.js";
import { failure, project, success } from "../hostile/project.js";

// Three datasets keyed by a date column at each precision, one keyed by a number and one by a moment.
const DATASETS = `import { date, datetime, defineDataset, defineSources, number, source, text } from "plotbrief";

export const sources = defineSources({ s: { publisher: "Test Agency", title: "Weather", published: "2020-11" } });
// The value first: a reference without a column quotes the first number column, the key itself for rates.
const columns = (key) => ({ value: number({ unit: "count" }), [key]: key === "at" ? datetime() : key === "rate" ? number({ unit: "percent" }) : date(), note: text({ optional: true }) });
export const days = defineDataset({ id: "days", title: "Days", file: "data/t/days.csv", key: "date", columns: columns("date"), sources: [sources.s] });
export const months = defineDataset({ id: "months", title: "Months", file: "data/t/months.csv", key: "date", columns: columns("date"), sources: [sources.s] });
export const years = defineDataset({ id: "years", title: "Years", file: "data/t/years.csv", key: "date", columns: columns("date"), sources: [sources.s] });
export const rates = defineDataset({ id: "rates", title: "Rates", file: "data/t/rates.csv", key: "rate", columns: columns("rate"), sources: [sources.s] });
export const moments = defineDataset({ id: "moments", title: "Moments", file: "data/t/moments.csv", key: "at", columns: columns("at"), sources: [sources.s] });
export const t = defineDataset({ id: "t", title: "Test data", file: "data/t/t.csv", key: "id",
  columns: { id: text(), label: text(), value: number({ unit: "count" }), source: source() }, sources: [sources.s] });
`;

const REPORT = `import { defineReport } from "plotbrief";
import bars from "./figures/bars.js";
import { days, months, moments, rates, years } from "../../data/t/datasets.js";

export default defineReport({ figures: [bars], datasets: [days, months, years, rates, moments] });
`;

const FILES = {
  "data/t/datasets.ts": DATASETS,
  "data/t/days.csv": "date,value,note\n2012-01-01,11,\n2012-01-02,12,wet\n2012-01-03,13,\n",
  "data/t/months.csv": "date,value,note\n2012-01,101,\n2012-02,102,\n",
  "data/t/years.csv": "date,value,note\n2011,1001,\n2012,1002,\n",
  "data/t/rates.csv": "rate,value,note\n4.50,45,four and a half\n5,50,\n",
  "data/t/moments.csv": "at,value,note\n2012-01-02T08:00:00Z,7,\n2012-01-02T09:30+07:00,8,\n",
  "reports/r/report.ts": REPORT,
};

const notebook = (body: string) => ({
  "reports/r/index.md": `---\ntitle: "Keys"\ndek: "A test."\nbyline: "Tests"\ndate: 2020-11-30\nformats: [html, svg]\n---\n\n${body}\n\n{{figure bars}}\n`,
});

/** The text and reference of each quoted fact in a built page, in order. */
const facts = (html: string) =>
  [...html.matchAll(/<span class="pb-fact" data-fact="([^"]+)"[^>]*>([^<]*)<\/span>/g)].map(([, id, text]) => [
    id,
    text,
  ]);

describe("keyText(value)", () => {
  it("writes a date to its precision, a moment in UTC, a number as JavaScript does", () => {
    expect(keyText(new PreciseDate(2012))).toBe("2012");
    expect(keyText(new PreciseDate(2012, 1))).toBe("2012-01");
    expect(keyText(new PreciseDate(2012, 1, 2))).toBe("2012-01-02");
    expect(keyText(new Date("2012-01-02T09:30+07:00"))).toBe("2012-01-02T02:30:00Z");
    expect(keyText(new Date("2012-01-02T02:30:00.250Z"))).toBe("2012-01-02T02:30:00.250Z");
    expect(keyText(4.5)).toBe("4.5");
    expect(keyText("adb-2018")).toBe("adb-2018");
  });
});

describe("nearKeys(key, keys)", () => {
  it("offers keys a typo or a day away, closest first, and none that are far", () => {
    expect(nearKeys("2012-01-32", ["2011-05-05", "2012-01-03", "2012-01-31", "2012-01-30"])).toEqual([
      "2012-01-31",
      "2012-01-30",
      "2012-01-03",
    ]);
    expect(nearKeys("adb-2030", ["adb-2018", "article-2020", "adb-2031"])).toEqual(["adb-2031", "adb-2018"]);
    expect(nearKeys("zzz", ["adb-2018", "article-2020"])).toEqual([]);
  });
});

describe("any column as a key", () => {
  it("quotes rows keyed by a date at day, month and year precision, as the data writes them", async () => {
    const root = await project({
      ...FILES,
      ...notebook("Rain: {{days/2012-01-02}}, {{months/2012-01}} in the month, {{years/2012}} in the year."),
    });
    const { html } = await success(root);
    expect(facts(html)).toEqual([
      ["days/2012-01-02.value", "12"],
      ["months/2012-01.value", "101"],
      ["years/2012.value", "1,002"],
    ]);
  });

  it("quotes rows keyed by a number as written or as its value, with a column after the key", async () => {
    const root = await project({
      ...FILES,
      ...notebook("{{rates/4.50}}, {{rates/4.5}}, {{rates/4.50.note}} and {{rates/5}}."),
    });
    expect(facts((await success(root)).html)).toEqual([
      ["rates/4.5.value", "45"],
      ["rates/4.5.value", "45"],
      ["rates/4.5.note", "four and a half"],
      ["rates/5.value", "50"],
    ]);
  });

  it("quotes rows keyed by a moment in UTC, or with the offset the data wrote", async () => {
    const root = await project({
      ...FILES,
      ...notebook("{{moments/2012-01-02T08:00:00Z}} and {{moments/2012-01-02T09:30+07:00}}."),
    });
    expect(facts((await success(root)).html)).toEqual([
      // Whole numbers without a unit, below ten: in words in English prose.
      ["moments/2012-01-02T08:00:00Z.value", "seven"],
      ["moments/2012-01-02T02:30:00Z.value", "eight"],
    ]);
  });

  it("names a missing date and the keys close to it", async () => {
    const root = await project({ ...FILES, ...notebook("{{days/2012-01-04}} and {{months/2012-13}}.") });
    expect(await failure(root)).toBe(
      [
        'reports/r/index.md:9: unknown fact "days/2012-01-04": no row of dataset "days" has date "2012-01-04"; close keys: "2012-01-01", "2012-01-02", "2012-01-03"',
        'reports/r/index.md:9: unknown fact "months/2012-13": no row of dataset "months" has date "2012-13", which is not a date (YYYY, YYYY-MM or YYYY-MM-DD); close keys: "2012-01", "2012-02"',
      ].join("\n"),
    );
  });

  it("names close keys among many", async () => {
    const rows = Array.from({ length: 31 }, (_, i) => `2012-01-${String(i + 1).padStart(2, "0")},${i},\n`);
    const root = await project({
      ...FILES,
      "data/t/days.csv": `date,value,note\n${rows.join("")}`,
      ...notebook("{{days/2012-01-32}} and {{days/yesterday}}."),
    });
    expect(await failure(root)).toBe(
      [
        'reports/r/index.md:9: unknown fact "days/2012-01-32": no row of dataset "days" has date "2012-01-32", which is not a date (YYYY, YYYY-MM or YYYY-MM-DD); close keys: "2012-01-30", "2012-01-31", "2012-01-02"',
        'reports/r/index.md:9: unknown fact "days/yesterday": no row of dataset "days" has date "yesterday", which is not a date (YYYY, YYYY-MM or YYYY-MM-DD); keys such as "2012-01-01", "2012-01-02", "2012-01-03" (31 in all)',
      ].join("\n"),
    );
  });

  it("refuses a date, a number or a moment used twice as a key, however it is written", async () => {
    const root = await project({
      ...FILES,
      "data/t/days.csv": "date,value,note\n2012-01-02,1,\n2012-01-02,2,\n",
      "data/t/rates.csv": "rate,value,note\n4.5,1,\n4.50,2,\n",
      "data/t/moments.csv": "at,value,note\n2012-01-02T08:00:00Z,1,\n2012-01-02T15:00+07:00,2,\n",
      ...notebook("Nothing."),
    });
    expect(await failure(root)).toBe(
      [
        'data/t/days.csv:3: column "date": "2012-01-02" is already the key of line 2',
        'data/t/rates.csv:3: column "rate": "4.5" is already the key of line 2',
        'data/t/moments.csv:3: column "at": "2012-01-02T08:00:00Z" is already the key of line 2',
      ].join("\n"),
    );
  });
});
