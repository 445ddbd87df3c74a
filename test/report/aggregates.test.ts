// Aggregates end to end: a small project whose report module derives a mean, a maximum and a rank,
// quoted in its prose and stated in its "Sources and methods".
import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { failure, notebook, project, success } from "../hostile/project.js";
import { summons } from "../../data/cambodia-2020/datasets.js";
import { mean, rank } from "../../src/data/aggregate.js";
import { defineReport } from "../../src/report/report.js";

const CSV = "id,label,value,source\na,Alpha,12,s\nb,Beta,-3.5,s\nc,Gamma,8,s\n";

const REPORT = `import { defineReport, max, mean, rank } from "plotbrief";
import { t } from "../../data/t/datasets.js";
import bars from "./figures/bars.js";

export default defineReport({
  figures: [bars],
  datasets: [t],
  facts: {
    "mean-x": (get) => mean(get(t), "value"),
    "max-x": (get) => max(get(t), "value", { rows: ["b", "c"] }),
    "rank-c": (get) => rank(get(t), "value", "c"),
  },
});
`;

const NOTEBOOK =
  notebook(`The mean was {{derived/mean-x}}; of Beta and Gamma, {{derived/max-x.label}} had most, {{derived/max-x}}.
Gamma came {{derived/rank-c}}.`);

const roots: string[] = [];
async function made(replace: Record<string, string>): Promise<string> {
  const root = await project({
    "data/t/t.csv": CSV,
    "reports/r/report.ts": REPORT,
    "reports/r/index.md": NOTEBOOK,
    ...replace,
  });
  roots.push(root);
  return root;
}

afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

describe("a report quoting aggregates", () => {
  it("quotes {{derived/mean-x}}, a maximum's row and a rank, and states each in Sources and methods", async () => {
    const { html, warnings } = await success(await made({}));
    expect(warnings).toEqual([]);
    const text = html.replace(/<[^>]+>/g, "");
    // A count below ten, in English prose, in words (AP style).
    expect(text).toContain("The mean was 5.5; of Beta and Gamma, Gamma had most, eight.");
    expect(text).toContain("Gamma came 2nd of 3.");
    expect(html).toContain('data-fact="derived/mean-x" title="Source: Test Agency, Nov. 2020"');
    expect(text).toContain("Mean of value over all 3 rows of Test data (a\u2013c): 5.5.");
    expect(text).toContain("Maximum of value over 2 rows of Test data (b and c): 8, in row c.");
    expect(text).toContain(
      "Rank of row c by value, largest first, among all 3 rows of Test data (a\u2013c): 2nd of 3.",
    );
  });

  it("fails on an empty selection, naming the derived value, the dataset and the selection", async () => {
    const report = REPORT.replace(`mean(get(t), "value")`, `mean(get(t), "value", { rows: { label: "Delta" } })`);
    expect(await failure(await made({ "reports/r/report.ts": report }))).toMatch(
      /^reports\/r\/report\.ts:\d+:\d+: derived value "mean-x": no rows of dataset t match rows where label is "Delta"$/,
    );
  });

  it("refuses a column of a derived value that is not one row's", async () => {
    const notebook = NOTEBOOK.replace("{{derived/max-x.label}}", "{{derived/mean-x.label}}");
    expect(await failure(await made({ "reports/r/index.md": notebook }))).toBe(
      'reports/r/index.md:9: {{derived/mean-x.label}}: derived value "mean-x" is not one row\'s value, so it has no column to quote; only a min, max, rank or share of total is',
    );
  });
});

describe("defineReport({ facts }) with aggregates", () => {
  it("checks the column an aggregate names against the dataset's row type", () => {
    const report = defineReport({
      figures: [],
      facts: {
        mean: (get) => mean(get(summons), "count", { rows: { qualifier: "exact" } }),
        // @ts-expect-error reported_by is text, not a number
        text: (get) => mean(get(summons), "reported_by"),
        // @ts-expect-error a selection by a column the dataset does not have
        where: (get) => rank(get(summons), "count", "vod", { rows: { region: "Asia" } }),
      },
    });
    expect(Object.keys(report.facts!)).toEqual(["mean", "text", "where"]);
  });
});
