import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { UserError } from "../error.js";
import { REPORT_NAME } from "../report/report.js";
import type { CliEffects } from "./effects.js";
import type { Logger } from "./log.js";

/** `plotbrief new <name>`: a report that builds at once, to edit into your own. */
export async function scaffold(name: string, flags: { root: string }, effects: CliEffects, log: Logger): Promise<void> {
  checkName(name);
  const root = resolve(effects.cwd, flags.root);
  const files = reportFiles(name);
  const taken = Object.keys(files).filter((path) => existsSync(join(root, path)));
  if (taken.length > 0) throw new UserError(`${taken[0]} already exists; choose another name or remove it`);
  await createFiles(root, files, effects, log);
  log.info(
    [
      "",
      `Next: put your numbers in data/${name}/counts.csv and say where they come from in data/${name}/sources.ts;`,
      `write in reports/${name}/index.md; shape the chart in reports/${name}/figures/counts.ts.`,
      `Preview with \`plotbrief dev\`, build with \`plotbrief build ${name}\`.`,
    ].join("\n"),
  );
}

/** A report's folder name: it becomes a path, an element id and part of a URL. */
export function checkName(name: string): void {
  if (!REPORT_NAME.test(name)) {
    throw new UserError(
      `report name "${name.length > 100 ? `${name.slice(0, 40)}…` : name}": use lowercase letters, digits and dashes, starting with a letter or digit, at most 100 characters`,
    );
  }
}

/** Writes new files (never over an existing one), saying each. */
export async function createFiles(
  root: string,
  files: Record<string, string>,
  effects: CliEffects,
  log: Logger,
): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), content, { flag: "wx" });
    log.record("created", { path }, `created ${relative(effects.cwd, join(root, path)) || path}`);
  }
}

/** The files of a new report that builds at once: its data, source, dataset, figure, module and notebook. */
export function reportFiles(name: string): Record<string, string> {
  return {
    [`data/${name}/sources.ts`]: `import { defineSources } from "plotbrief";

// Every source of this report's data. Rows of counts.csv name one of these in their "source" column.
// Give a source's title only where you know its headline; kind says what it is ("news report", "statement").
export const sources = defineSources({
  "example-2020": {
    publisher: "Example Agency",
    kind: "report",
    url: "https://example.org/report",
    published: "2020-11",
    notes: "Say what the source counted, and how.",
  },
});
`,
    [`data/${name}/datasets.ts`]: `import { count, date, defineDataset, qualifier, source, text } from "plotbrief";
import { sources } from "./sources.js";

export const counts = defineDataset({
  id: "counts",
  title: "Counts by group",
  file: "data/${name}/counts.csv",
  key: "id",
  columns: { id: text(), group: text(), count: count(), qualifier: qualifier(), date: date(), source: source() },
  sources: [sources["example-2020"]],
});
`,
    [`data/${name}/counts.csv`]: `id,group,count,qualifier,date,source
a,Group A,120,exact,2020-11,example-2020
b,Group B,85,about,2020-11,example-2020
c,Group C,40,more-than,2020-11,example-2020
`,
    [`data/${name}/README.md`]: `# ${name}: data and sources

| file | what it holds | sources |
|---|---|---|
| \`counts.csv\` | Counts by group | Example Agency, Nov. 2020 (replace) |
`,
    [`reports/${name}/figures/counts.ts`]: `import { Plot, defineFigure, formatNumber, palette, tableOf } from "plotbrief";
import { counts } from "../../../data/${name}/datasets.js";

export default defineFigure({
  id: "counts",
  title: "Counts by group",
  subtitle: "As the source reported them",
  uses: { counts },
  plot: ({ counts }) => ({
    marginLeft: 90,
    marginRight: 40, // room for the label at the end of the longest bar
    x: { label: null },
    y: { label: null },
    marks: [
      Plot.barX(counts.rows, { x: counts.col("count"), y: counts.col("group"), fill: palette.blue }),
      Plot.text(counts.rows, {
        x: counts.col("count"),
        y: counts.col("group"),
        text: (row) => formatNumber(counts.quantity(row, "count"), { style: "short" }),
        textAnchor: "start",
        dx: 4,
      }),
      Plot.ruleX([0]),
    ],
  }),
  table: ({ counts }) => tableOf(counts, ["group", "count", "date", "source"]),
});
`,
    [`reports/${name}/report.ts`]: `import { defineReport } from "plotbrief";
import counts from "./figures/counts.js";

export default defineReport({ figures: [counts] });
`,
    [`reports/${name}/index.md`]: `---
title: "A new briefing"
dek: "One sentence that says what this briefing is about."
byline: "Your name"
date: 2020-11-30
template: briefing
---

Group A counted {{counts/a}} people; Group B, {{counts/b}}.

{{figure counts}}
`,
  };
}
