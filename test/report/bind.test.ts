import { describe, expect, it } from "vitest";
import { failure, notebook, project, success } from "../hostile/project.js";

describe("bindReport(report), number styles", () => {
  it("names the notebook line of an unknown style, and the styles there are", async () => {
    const root = await project({
      "reports/r/index.md": notebook("Alpha was {{t/a | compact}}.\nBeta was {{t/b | tiny}}."),
    });
    expect(await failure(root)).toBe(
      'reports/r/index.md:10: {{t/b | tiny}}: unknown style "tiny"; styles: abs, no-kind, short, compact, compact-short, percent, words, digits, sign, round N, round N sig',
    );
  });
});

describe("bindReport(report), changes after words that give their direction", () => {
  const withRise = (body: string) =>
    project({
      "reports/r/report.ts": `import { change, defineReport } from "plotbrief";
import { t } from "../../data/t/datasets.js";
import bars from "./figures/bars.js";

export default defineReport({
  figures: [bars],
  datasets: [t],
  facts: { rise: (get) => change(get(t).fact("b"), get(t).fact("a")) },
});
`,
      "reports/r/index.md": notebook(body),
    });

  it("writes a signed change without its plus in prose, with it where | sign asks (after up too)", async () => {
    const root = await withRise(
      "Alpha was up {{derived/rise}} on Beta, a rise of {{derived/rise | compact}}; the change: {{derived/rise}}, or up {{derived/rise | sign}}.",
    );
    const { html } = await success(root);
    const facts = [...html.matchAll(/data-fact="derived\/rise"[^>]*>([^<]*)</g)].map((match) => match[1]);
    expect(facts).toEqual(["15.5", "16", "15.5", "+15.5"]);
  });

  it("leaves alone a number without a sign, a magnitude: lost {{t/a}} seats", async () => {
    const root = await withRise("Alpha lost {{t/a}} seats; Beta was down {{t/b}}.");
    const { html } = await success(root);
    expect(html).toContain("Alpha lost <span");
    expect(html).toContain(">12</span> seats; Beta was down <span");
    expect(html).toContain(">3.5</span>.");
  });

  it("refuses words that say the other way than the number", async () => {
    const root = await withRise("Alpha was fine.\nAlpha fell by {{derived/rise}} on Beta.");
    expect(await failure(root)).toBe(
      "reports/r/index.md:10: the words before {{derived/rise}} say it went down, but it is positive, a rise; reword the sentence or check the data",
    );
  });
});

describe("bindReport(report), a project's own unit", () => {
  it("writes a dataset's numbers in a unit the project defined, in prose and in its table", async () => {
    const root = await project({
      "data/t/datasets.ts": `import { defineDataset, defineSources, defineUnit, number, source, text } from "plotbrief";

export const beds = defineUnit({ name: "beds", forms: { en: { text: { one: "bed", other: "beds" } } } });
export const sources = defineSources({ s: { publisher: "Test Agency", title: "Counts", published: "2020-11" } });
export const t = defineDataset({
  id: "t",
  title: "Test data",
  file: "data/t/t.csv",
  key: "id",
  columns: { id: text(), label: text(), value: number({ unit: beds }), source: source() },
  sources: [sources.s],
});
`,
      "data/t/t.csv": "id,label,value,source\na,Alpha,1,s\nb,Beta,1250000,s\n",
      "reports/r/index.md": notebook("Alpha had {{t/a | words}}, Beta {{t/b | compact}}."),
    });
    const { html } = await success(root);
    expect(html).toContain(">one bed</span>, Beta <span");
    expect(html).toContain(">1.3 million beds</span>.");
    expect(html).toContain('<td class="pb-numeric">1,250,000 beds</td>');
  });
});
