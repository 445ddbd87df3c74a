import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/build/render.js";
import { loadReport } from "../../src/report/load.js";
import { copyProject } from "../project.js";

/** Builds the flagship in a copy of the project whose notebook has been edited by `edit`. */
async function assembleEdited(edit: (notebook: string) => string) {
  const root = await copyProject();
  const path = join(root, "reports/cambodia-2020/index.md");
  await writeFile(path, edit(await readFile(path, "utf8")));
  return renderReport(root, await loadReport(root, "cambodia-2020"));
}

async function problem(edit: (notebook: string) => string): Promise<string> {
  const error = await assembleEdited(edit).then(
    () => expect.fail("assembled without error"),
    (error: Error) => error,
  );
  expect(error.name).toBe("UserError");
  return error.message;
}

const lineOf = (text: string, needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;

describe("renderReport(root, report, svgFor)", () => {
  it("names the file and line of an unknown figure id", async () => {
    let line = 0;
    const message = await problem((text) => {
      const edited = text.replace("{{figure summons}}", "{{figure sumons}}");
      line = lineOf(edited, "{{figure sumons}}");
      return edited;
    });
    expect(message.split("\n")[0]).toBe(
      `reports/cambodia-2020/index.md:${line}: unknown figure "sumons"; figures: tariff-share, gdp-revisions, summons, timeline`,
    );
  });

  it("names the file and line of an unknown fact, and reports every bad reference at once", async () => {
    const message = await problem((text) =>
      text.replace("{{summons/vod}}", "{{summons/bbc}}").replace("{{tariff/eu-share}}", "{{tariff/eu-shares}}"),
    );
    const lines = message.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^reports\/cambodia-2020\/index\.md:\d+: unknown fact "tariff\/eu-shares": no row of dataset "tariff" has id "eu-shares"; close keys: "eu-share"$/,
    );
    expect(lines[1]).toMatch(/^reports\/cambodia-2020\/index\.md:\d+: unknown fact "summons\/bbc"/);
  });

  it("requires a figure reference to stand alone on its line", async () => {
    const message = await problem((text) => text.replace("{{figure timeline}}", "See {{figure timeline}}."));
    expect(message).toMatch(/index\.md:\d+: \{\{figure timeline\}\} must stand alone on its line$/);
  });

  it("writes markup typed in prose as text", async () => {
    const rendered = await assembleEdited((text) => `${text}\nA <script>alert("prose")</script> & <b>bold</b>.\n`);
    expect(rendered.html).not.toContain("<script>");
    expect(rendered.html).toMatch(/A &lt;script&gt;alert\(.prose.\)&lt;\/script&gt; &amp; &lt;b&gt;bold&lt;\/b&gt;\./);
  });

  it("quotes the data in the prose, the chart, the table and the alt text from one value", async () => {
    const rendered = await assembleEdited((text) => text);
    expect(rendered.html).toContain(
      'data-fact="tariff/lost-share.value" title="Source: European Commission, press release via VOA Khmer, Feb. 12, 2020">about 20%</span>',
    );
    const svg = rendered.figures.find(({ figure }) => figure.id === "tariff-share")!.chart.svg;
    expect(svg).toContain("about 20%: tariffs reinstated");
    expect(rendered.html).toContain('<td class="pb-numeric">about 20%</td>');
    expect(svg).toContain(`aria-label="A single bar of Cambodia’s exports to the EU: about 20%`);
  });

  it("audits the prose: a hand-typed number that looks like a data value is reported, bound ones are not", async () => {
    let line = 0;
    const rendered = await assembleEdited((text) => {
      const edited = `${text}\nThe economy was expected to contract by about 4%, and 59 people were summoned. {{free 12%}} is free.\n`;
      line = lineOf(edited, "contract by about 4%,");
      return edited;
    });
    expect(rendered.warnings).toEqual([
      `reports/cambodia-2020/index.md:${line}: 4% looks like gdp/article-2020 (about \u22124% (forecast)); bind it to the data ({{gdp/article-2020}}) or mark it as free text ({{free 4%}})`,
      `reports/cambodia-2020/index.md:${line}: 59 looks like summons/vod (59); bind it to the data ({{summons/vod}}) or mark it as free text ({{free 59}})`,
    ]);
  });

  it("makes the audit's findings errors in strict mode", async () => {
    const message = await problem((text) =>
      text
        .replace("template: briefing", "template: briefing\nstrict: true")
        .concat("\nAbout 45% of exports went to the EU.\n"),
    );
    expect(message).toMatch(/index\.md:\d+: 45% looks like tariff\/eu-share \(about 45%\); bind it to the data/);
  });

  it("makes only the figure files a build's formats use: the page alone draws no card and subsets no font", async () => {
    const root = await copyProject();
    const report = await loadReport(root, "cambodia-2020");
    const made = (rendered: Awaited<ReturnType<typeof renderReport>>) =>
      rendered.figures.map(({ figure, chart }) => [figure.id, chart.file !== undefined, chart.cardFile !== undefined]);
    const page = await renderReport(root, report, undefined, new Set(["html"]));
    expect(made(page)).toEqual([
      ["tariff-share", false, false],
      ["gdp-revisions", false, false],
      ["summons", false, false],
      ["timeline", false, false],
    ]);
    expect(page.figures.every(({ chart }) => chart.card === undefined)).toBe(true);
    const all = await renderReport(root, report);
    expect(made(all).every(([, file, card]) => file && card)).toBe(true);
    // The page is the same whatever else the build makes.
    expect(page.html).toBe(all.html);
    expect(made(await renderReport(root, report, undefined, new Set(["html", "svg"])))).toEqual(
      made(page).map(([id]) => [id, true, false]),
    );

    // A page published at a url names its first chart's card: that one card is made.
    const path = join(root, "reports/cambodia-2020/index.md");
    await writeFile(
      path,
      (await readFile(path, "utf8")).replace("template: briefing", "template: briefing\nurl: https://example.org/b/"),
    );
    const published = await renderReport(root, await loadReport(root, "cambodia-2020"), undefined, new Set(["html"]));
    expect(made(published).map(([id, , card]) => [id, card])).toEqual([
      ["tariff-share", true],
      ["gdp-revisions", false],
      ["summons", false],
      ["timeline", false],
    ]);
  });
});
