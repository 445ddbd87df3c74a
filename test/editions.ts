// A generated report with many editions, for the cluster test and the benchmark: an editions table of
// `count` rows, a dataset holding three years of values for each, and a one-figure report whose
// title, dek, figure and prose take the edition's parameters. Written into a project folder.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The slug of the edition numbered `i`, from 0: "e0000", "e0001"… */
export const editionSlug = (i: number) => `e${String(i).padStart(4, "0")}`;

/**
 * Writes `reports/<name>/` and `data/<name>/` into `root` for a report of `count` editions, each printed
 * with the same footer (its byline and date are the same for all), so one set of print options fits every edition.
 * Returns the editions' slugs.
 */
export async function writeEditionsProject(root: string, name: string, count: number): Promise<string[]> {
  const data = join(root, "data", name);
  const report = join(root, "reports", name);
  await mkdir(data, { recursive: true });
  await mkdir(join(report, "figures"), { recursive: true });
  const slugs = Array.from({ length: count }, (_, i) => editionSlug(i));
  await writeFile(
    join(data, "editions.csv"),
    `slug,name\n${slugs.map((slug, i) => `${slug},District ${i + 1}\n`).join("")}`,
  );
  const years = [2022, 2023, 2024];
  const rows = slugs.flatMap((slug, i) =>
    years.map((year, y) => `${slug}-${year},${slug},${year},${(((i * 7 + y * 13) % 90) + 5) / 10}\n`),
  );
  await writeFile(join(data, "values.csv"), `id,district,year,rate\n${rows.join("")}`);
  await writeFile(
    join(data, "datasets.ts"),
    `import { defineDataset, defineSources, share, text, year } from "plotbrief";

export const sources = defineSources({
  "survey-2025": {
    publisher: "Statistical Service",
    title: "District Survey 2024",
    published: "2025-01-20",
    notes: "Share of households without a connection, by district. Generated for a test.",
  },
});

export const rates = defineDataset({
  id: "rates",
  title: "Households without a connection, by district",
  file: "data/${name}/values.csv",
  key: "id",
  columns: { id: text(), district: text(), year: year(), rate: share() },
  sources: [sources["survey-2025"]],
});
`,
  );
  await writeFile(
    join(report, "report.ts"),
    `import { defineReport } from "plotbrief";
import rates from "./figures/rates.js";

export default defineReport({
  figures: [rates],
  editions: { table: "data/${name}/editions.csv", slug: "slug", filter: { district: "slug" } },
});
`,
  );
  await writeFile(
    join(report, "figures/rates.ts"),
    `import { Plot, defineFigure, palette, tableOf } from "plotbrief";
import { rates } from "../../../data/${name}/datasets.js";

export default defineFigure({
  id: "rates",
  title: (_, { params }) => \`Households without a connection in \${params.name}\`,
  subtitle: "Share of households, by year",
  uses: { rates },
  plot: ({ rates }, { narrow }) => ({
    marginLeft: 50,
    x: { domain: [0, 10], label: null, ticks: narrow ? 3 : 5 },
    y: { label: null, tickFormat: (year: number) => String(year) },
    marks: [Plot.barX(rates.rows, { x: rates.col("rate"), y: rates.col("year"), fill: palette.blue })],
  }),
  table: ({ rates }) => tableOf(rates, ["year", "rate"]),
});
`,
  );
  await writeFile(
    join(report, "index.md"),
    `---
title: "Connections in {{param.name}}"
dek: "Households without a connection in {{param.name}}, from the 2024 district survey"
byline: "The data desk"
date: 2025-02-01
formats: [html, pdf]
---

How many households in {{param.name}} had no connection, year by year ({{ref rates}}).

{{figure rates}}
`,
  );
  return slugs;
}
