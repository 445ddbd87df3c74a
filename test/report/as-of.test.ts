import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/build/build.js";
import { parsePreciseDate } from "../../src/data/qualified.js";
import { parseNotebook } from "../../src/report/notebook.js";
import { failure, notebook, project, success } from "../hostile/project.js";

// Row c comes from a source published after the report's date (2020-11-30).
const LATER = {
  "data/t/t.csv": "id,label,value,source\na,Alpha,12,s\nb,Beta,-3.5,s\nc,Gamma,7,late\n",
  "data/t/datasets.ts": `import { defineDataset, defineSources, number, source, text } from "plotbrief";

export const sources = defineSources({
  s: { publisher: "Test Agency", title: "Counts", published: "2020-11" },
  late: { publisher: "Late Agency", title: "Recount", published: "2021-04-28" },
});
export const t = defineDataset({
  id: "t",
  title: "Test data",
  file: "data/t/t.csv",
  key: "id",
  columns: { id: text(), label: text(), value: number({ unit: "count" }), source: source() },
  sources: [sources.s, sources.late],
});
`,
};

/** Builds report r as of a date (HTML and SVG); returns the page, the left-out rows logged, and the folder. */
async function asOf(root: string, date: string) {
  const out = join(root, "out");
  const leftOut: string[][] = [];
  await buildReport("r", {
    root,
    out,
    formats: ["html", "svg"],
    asOf: parsePreciseDate(date)!,
    onEvent: (event) => void (event.type === "as-of" && leftOut.push([...event.leftOut])),
  });
  const html = await readFile(join(out, "r/index.html"), "utf8");
  return { html, leftOut, out };
}

describe("parseNotebook(file, source), updated", () => {
  const source = (updated: string) =>
    `---\ntitle: T\ndek: D\nbyline: B\ndate: 2020-11-30\nupdated: ${updated}\n---\n\nText.\n`;

  it("reads updated as a date on or after date", () => {
    expect(String(parseNotebook("n.md", source("2021-04-28")).front.updated)).toBe("2021-04-28");
  });

  it("refuses an updated before date, naming its line and both dates", () => {
    expect(() => parseNotebook("n.md", source("2020-11-01"))).toThrow(
      'n.md:6: front matter "updated": expected a date on or after the report\'s date (2020-11-30), found 2020-11-01; an update comes after the first edition',
    );
  });

  it("refuses an updated that is not a date", () => {
    expect(() => parseNotebook("n.md", source("soon"))).toThrow(/n\.md:6: front matter "updated": expected a date/);
  });
});

describe("bindReport(report), facts published after the report's date", () => {
  it("refuses a later fact in prose, naming it, its line, its date, the report's date and the fix", async () => {
    const root = await project({ ...LATER, "reports/r/index.md": notebook("Gamma was {{t/c}}.") });
    const message = await failure(root);
    expect(message).toContain(
      "reports/r/index.md:9: {{t/c}} was published 2021-04-28 (Source: Late Agency, April 28, 2021), after the report's date (date: 2020-11-30); to use it, say that the report was updated (updated: 2021-04-28 in the front matter), or leave it out",
    );
  });

  it("refuses a figure that draws later rows, naming the figure's line and the rows", async () => {
    const root = await project({ ...LATER, "reports/r/index.md": notebook("Alpha was {{t/a}}.") });
    expect(await failure(root)).toBe(
      "reports/r/index.md:11: figure bars draws rows published after the report's date (date: 2020-11-30): t/c (2021-04-28); to use it, say that the report was updated (updated: 2021-04-28 in the front matter), or leave it out",
    );
  });

  it("refuses a key number published after updated", async () => {
    const root = await project({
      ...LATER,
      "reports/r/index.md": notebook("Alpha.", "updated: 2021-01-01\nkey_numbers:\n  - { fact: t/c, label: gamma }\n"),
    });
    expect(await failure(root)).toMatch(
      /^reports\/r\/index\.md:7: key_numbers: \{\{t\/c\}\} was published 2021-04-28 .*after the report's last update \(updated: 2021-01-01\)/m,
    );
  });

  it("with updated, quotes it and marks it as an update: dateline, fact, key number, figure note, Sources and methods", async () => {
    const root = await project({
      ...LATER,
      "reports/r/index.md": notebook(
        "Alpha was {{t/a}}.\n\n::: update 2021-04-28\nGamma was {{t/c}}.\n:::",
        "updated: 2021-04-28\nkey_numbers:\n  - { fact: t/c, label: gamma }\n",
      ),
    });
    const { html } = await success(root);
    expect(html).toContain('<span class="dateline">Published Nov. 30, 2020 · Updated April 28, 2021</span>');
    expect(html).toContain('<p class="pb-update-label">Update, April 28, 2021:</p>');
    expect(html).toMatch(/class="pb-fact pb-fact-update" data-fact="t\/c.value" data-published="2021-04-28"/);
    expect(html).toContain('<span class="pb-key-update">Updated April 28, 2021</span>');
    expect(html).toContain('<p class="pb-note">Updated April 28, 2021: data from Late Agency.</p>');
    expect(html).toContain("Updated April 28, 2021: one row published after the first edition (c).");
    // A fact known by the report's date is not marked.
    expect(html).toMatch(/<span class="pb-fact" data-fact="t\/a.value"/);
  });

  it("refuses an update passage dated after updated, or on the report's date", async () => {
    const late = await project({ "reports/r/index.md": notebook("::: update 2021-04-28\nLater.\n:::") });
    expect(await failure(late)).toBe(
      `reports/r/index.md:9: update passage "::: update 2021-04-28" is dated after the report's date (date: 2020-11-30); say updated: 2021-04-28 in the front matter`,
    );
    const early = await project({ "reports/r/index.md": notebook("::: update 2020-11-30\nSame day.\n:::") });
    expect(await failure(early)).toMatch(/is dated on or before the report's date \(2020-11-30\)/);
  });
});

describe("buildReport(slug, { asOf }), the edition as of a date", () => {
  const body = "Alpha was {{t/a}}.\n\n::: update 2021-04-28\nGamma was {{t/c}}.\n:::";
  const front =
    "updated: 2021-04-28\nkey_numbers:\n  - { fact: t/c, label: gamma, before: { fact: t/a, label: alpha } }\n";

  it("leaves out later rows, the update passage and the update; the figure, key number and dateline adapt", async () => {
    const root = await project({ ...LATER, "reports/r/index.md": notebook(body, front) });
    const { html, leftOut, out } = await asOf(root, "2020-11-30");
    expect(leftOut).toEqual([["t/c (2021-04-28)"]]);
    expect(html).toContain('<span class="dateline">Published Nov. 30, 2020</span>');
    expect(html).not.toContain("Gamma");
    expect(html).not.toContain('class="pb-update"');
    expect(html).not.toContain('class="pb-key-update"');
    expect(html).toMatch(/data-fact="t\/a.value"[^>]*>12<\/span>\s*<span class="pb-key-label">alpha<\/span>/);
    expect(html).toContain("This is the edition as of Nov. 30, 2020: one row published later is left out.");
    const manifest = JSON.parse(await readFile(join(out, "r/manifest.json"), "utf8")) as { asOf?: string };
    expect(manifest.asOf).toBe("2020-11-30");
  });

  it("keeps the update where the as-of date is on or after it", async () => {
    const root = await project({ ...LATER, "reports/r/index.md": notebook(body, front) });
    const { html, leftOut } = await asOf(root, "2021-05-01");
    expect(leftOut).toEqual([[]]);
    expect(html).toContain("Published Nov. 30, 2020 · Updated April 28, 2021 · As of May 1, 2021");
    expect(html).toContain("Gamma was");
  });

  it("refuses a fact left out, outside an update passage, naming it and the fix", async () => {
    const root = await project({
      ...LATER,
      "reports/r/index.md": notebook("Gamma was {{t/c}}.", "updated: 2021-04-28\n"),
    });
    const error = await asOf(root, "2020-11-30").then(
      () => expect.fail("the build succeeded"),
      (error: Error) => error.message,
    );
    expect(error).toBe(
      "reports/r/index.md:10: {{t/c}} was published 2021-04-28, after this edition's date (--as-of 2020-11-30), so it is left out; put the passage in an update (::: update 2021-04-28 … :::), or give a key number a before: { fact, label }",
    );
  });

  it("checks a key number's before in every build", async () => {
    const root = await project({
      ...LATER,
      "reports/r/index.md": notebook(
        "Alpha.",
        "updated: 2021-04-28\nkey_numbers:\n  - { fact: t/c, label: gamma, before: { fact: t/z, label: zeta } }\n",
      ),
    });
    expect(await failure(root)).toMatch(/^reports\/r\/index\.md:7: key_numbers: before: unknown fact "t\/z"/);
  });

  it("refuses an as-of date before the report's date", async () => {
    const root = await project();
    await expect(asOf(root, "2020-10-01")).rejects.toThrow(
      "reports/r/index.md:5: --as-of 2020-10-01 is before the report's date (2020-11-30), when it was not yet published; give a date on or after 2020-11-30",
    );
  });
});
