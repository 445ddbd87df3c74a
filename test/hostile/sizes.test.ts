import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { failure, project, success } from "./project.js";

const rows = (n: number) =>
  `id,label,value,source\n${Array.from({ length: n }, (_, i) => `${i === 0 ? "a" : `r${i}`},Row ${i},${i},s`).join("\n")}\n`;

async function frontMatter(root: string, line: string): Promise<void> {
  const path = join(root, "reports/r/index.md");
  await writeFile(path, (await readFile(path, "utf8")).replace("formats:", `${line}\nformats:`));
}

const dots = `import { Plot, defineFigure, tableOf } from "plotbrief";
import { t } from "../../../data/t/datasets.js";

export default defineFigure({
  id: "bars",
  title: "Values",
  uses: { t },
  plot: ({ t }) => ({ marks: [Plot.dot(t.rows, { x: t.col("value"), y: (d) => Math.sin(d.value) })] }),
  table: ({ t }) => tableOf(t, ["label", "value"]),
});
`;

describe("hostile input: sizes", () => {
  it("refuses a dataset longer than its limit as soon as it is read, saying how to raise it", async () => {
    const root = await project({ "data/t/t.csv": rows(12) });
    const datasets = join(root, "data/t/datasets.ts");
    await writeFile(
      datasets,
      (await readFile(datasets, "utf8")).replace("sources: [sources.s],", "sources: [sources.s],\n  maxRows: 10,"),
    );
    expect(await failure(root)).toBe(
      "data/t/t.csv: more than 10 rows, the most a dataset may have; aggregate the data before plotbrief, or raise the limit with maxRows in its defineDataset",
    );
  });

  it("refuses a figure with more rows than max_figure_rows before drawing it, saying how to aggregate", async () => {
    const root = await project({ "data/t/t.csv": rows(30) });
    await frontMatter(root, "max_figure_rows: 20");
    expect(await failure(root)).toBe(
      "reports/r/report.ts: figure bars shows 30 rows, at most 20 (max_figure_rows in the front matter); aggregate them with Plot's transforms (Plot.binX, Plot.groupX, Plot.windowY) and give tableOf the rows a reader needs ({ rows })",
    );
  });

  it("shows the reader the first rows of a long table, and the download all of them", async () => {
    const { html } = await success(await project({ "data/t/t.csv": rows(2_500) }));
    // The reader's table, and the same rows again in the print appendix.
    const [screen, print] = html.split('<section class="pb-print-tables"');
    expect(screen!.match(/<tr>/g)).toHaveLength(1 + 100);
    expect(print!.match(/<tr>/g)).toHaveLength(1 + 100);
    expect(html).toMatch(/The first 100 of\s+2,500 rows; the download has them all\./);
    const csv = decodeURIComponent(/href="data:text\/csv;charset=utf-8,([^"]*)"/.exec(html)![1]!);
    expect(csv.trimEnd().split("\n")).toHaveLength(1 + 2_500);
  });

  it("draws 10,000 points in a page under 2 MB, with an alt text that summarises them", async () => {
    const { html, warnings } = await success(
      await project({ "data/t/t.csv": rows(10_000), "reports/r/figures/bars.ts": dots }),
    );
    expect(warnings).toEqual([]);
    expect(Buffer.byteLength(html)).toBeLessThan(2_000_000);
    expect(html.match(/<circle /g)!.length).toBeGreaterThanOrEqual(2 * 10_000);
    const labels = [...html.matchAll(/ aria-label="([^"]*)"/g)].map((match) => match[1]!);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(300);
    expect(labels[0]).toMatch(/^Values\. A scatter plot of 10,000 rows\./);
  });

  it("warns of a page past 2 MB, the budget for a phone, naming its largest parts", async () => {
    const { warnings } = await success(
      await project({ "data/t/t.csv": rows(20_000), "reports/r/figures/bars.ts": dots }),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^reports\/r\/index\.md: the page is \d\.\d MB, heavy for a phone: figure bars's chart about \d\.\d MB, figure bars's download about 0\.\d MB; draw fewer marks/,
    );
  });

  it("refuses a page larger than max_page_mb, naming its largest parts", async () => {
    const root = await project({ "data/t/t.csv": rows(1_500) });
    await frontMatter(root, "max_page_mb: 0.5");
    expect(await failure(root)).toMatch(
      /^reports\/r\/index\.md: the page is \d+\.\d MB, more than max_page_mb \(0\.5 MB\): figure bars's chart about \d+\.\d MB, figure bars's download about \d\.\d MB; draw fewer marks \(Plot's transforms aggregate: Plot\.binX, Plot\.groupX\) and give tableOf fewer rows$/,
    );
  });
});
