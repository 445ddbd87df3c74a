// A small project for hostile input: one dataset (data/t/t.csv), one figure and one report (r), each
// file replaceable, built in this process so that each case can assert the exact message and that
// nothing was written.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect } from "vitest";
import { buildReport } from "../../src/build/build.js";
import { UserError } from "../../src/error.js";
import { emptyProject } from "../project.js";

export const CSV = "id,label,value,source\na,Alpha,12,s\nb,Beta,-3.5,s\n";

/** Report r's notebook: its front matter (and `front`, more lines of it), `body`, and the figure. */
export function notebook(body: string, front = ""): string {
  return `---
title: "Test"
dek: "A test."
byline: "Tests"
date: 2020-11-30
${front}formats: [html, svg]
---

${body}

{{figure bars}}
`;
}

const FILES: Record<string, string> = {
  "data/t/t.csv": CSV,
  "data/t/datasets.ts": `import { defineDataset, defineSources, number, source, text } from "plotbrief";

export const sources = defineSources({ s: { publisher: "Test Agency", title: "Counts", published: "2020-11" } });
export const t = defineDataset({
  id: "t",
  title: "Test data",
  file: "data/t/t.csv",
  key: "id",
  columns: { id: text(), label: text(), value: number({ unit: "count" }), source: source() },
  sources: [sources.s],
});
`,
  "reports/r/figures/bars.ts": `import { Plot, defineFigure, tableOf } from "plotbrief";
import { t } from "../../../data/t/datasets.js";

export default defineFigure({
  id: "bars",
  title: "Values",
  uses: { t },
  plot: ({ t }) => ({ marginLeft: 60, marks: [Plot.barX(t.rows, { x: t.col("value"), y: t.col("label") })] }),
  table: ({ t }) => tableOf(t, ["label", "value"]),
});
`,
  "reports/r/report.ts": `import { defineReport } from "plotbrief";
import bars from "./figures/bars.js";

export default defineReport({ figures: [bars] });
`,
  "reports/r/index.md": notebook("Alpha was {{t/a}}."),
};

/** A new project with the test files, some replaced (a Buffer for bytes that are not text). */
export async function project(replace: Record<string, string | Uint8Array> = {}): Promise<string> {
  const root = await emptyProject();
  for (const [path, content] of Object.entries({ ...FILES, ...replace })) {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** Builds report r (HTML and SVG), expecting it to fail for the user's input: the message, and nothing written. */
export async function failure(root: string): Promise<string> {
  const out = join(root, "out");
  const error = await buildReport("r", { root, out, formats: ["html", "svg"] }).then(
    () => expect.fail("the build succeeded"),
    (error: Error) => error,
  );
  expect(error, String(error.stack)).toBeInstanceOf(UserError);
  expect(existsSync(out), "a failed build wrote files").toBe(false);
  return error.message;
}

/** Builds report r (HTML and SVG); returns the page, its warnings and the output folder. */
export async function success(root: string): Promise<{ html: string; out: string; warnings: string[] }> {
  const out = join(root, "out");
  const warnings: string[] = [];
  await buildReport("r", {
    root,
    out,
    formats: ["html", "svg"],
    onEvent: (event) => void (event.type === "warning" && warnings.push(event.message)),
  });
  const { readFile } = await import("node:fs/promises");
  return { html: await readFile(join(out, "r/index.html"), "utf8"), out, warnings };
}

/**
 * Files for a dataset with a date column whose dates are written month first ("01/02/2012") on `bad`
 * rows, lines 2 to bad + 2 save line 1000, which is right, and whose value is "n/a" on lines 10 to 50 by 10.
 */
export function badDates(bad: number): Record<string, string> {
  const rows = Array.from({ length: bad + 1 }, (_, i) => {
    const line = i + 2;
    const day = String((i % 28) + 1).padStart(2, "0");
    const date = line === 1000 ? "2012-01-01" : `01/${day}/2012`;
    return `r${line},Row ${line},${line % 10 === 0 && line <= 50 ? "n/a" : line},s,${date}\n`;
  });
  return {
    "data/t/t.csv": `id,label,value,source,date\n${rows.join("")}`,
    "data/t/datasets.ts": FILES["data/t/datasets.ts"]!.replace(
      "source: source() }",
      "source: source(), date: date() }",
    ).replace("import { defineDataset", "import { date, defineDataset"),
  };
}
