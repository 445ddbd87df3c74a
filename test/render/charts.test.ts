// What a chart shows that jsdom alone would lose: dates on a time axis at their precision, in the
// report's language; static tips sized to their text; pointer tips as native tooltips; and a warning
// for what a mark drops or a label loses.
import * as Plot from "@observablehq/plot";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PreciseDate, parsePreciseDate } from "../../src/data/qualified.js";
import { withAxes } from "../../src/figures/axes.js";
import type { Figure } from "../../src/figures/figure.js";
import { withTooltips } from "../../src/figures/tips.js";
import { renderFigure } from "../../src/render/svg.js";
import { loadedMetrics, textMetrics } from "../../src/render/text.js";
import { resolveFigure } from "../../src/figures/figure.js";
import { loadReport } from "../../src/report/load.js";
import { ROOT, copyProject } from "../project.js";

function figure(plot: Figure["plot"]): Figure {
  return {
    id: "f",
    title: "f",
    notes: [],
    alt: "alt",
    source: "Source: test.",
    credit: "",
    table: { head: [], numeric: [], rows: [], total: 0, csv: "", neutralised: 0 },
    plot,
    // The page's chart alone, as for a build of html only: these tests read the chart, not the files.
    exports: { file: false, card: false },
    notices: [],
  };
}

/** The box of a tip as Plot draws it, with relative l, h and v commands: its width, and its height
 * without the pointer (its longest vertical side). */
function outline(d: string): { width: number; height: number } {
  let x = 0;
  const xs = [0];
  let height = 0;
  for (const [, command, args] of d.matchAll(/([lhv])([-\d.,]+)/g)) {
    const [a = 0] = args!.split(",").map(Number);
    if (command === "v") height = Math.max(height, Math.abs(a));
    else x += a;
    xs.push(x);
  }
  return { width: Math.max(...xs) - Math.min(...xs), height };
}

describe("tips", () => {
  it("sizes a static tip to its text, with the fonts' metrics, and shows it", async () => {
    const data = [{ x: 1, y: 2 }];
    // First in this file: a page alone loads the metrics only once a chart needs them, as this tip does.
    expect(loadedMetrics()).toBeUndefined();
    const { svg } = await renderFigure(
      figure({
        marks: [Plot.dot(data, { x: "x", y: "y" }), Plot.tip(data, { x: "x", y: "y", title: () => "A label" })],
      }),
    );
    expect(svg).not.toContain('visibility="hidden"');
    const path = /drop-shadow[^"]*" d="([^"]+)"/.exec(svg)?.[1];
    expect(path, svg).toBeDefined();
    const box = outline(path!);
    // One line of 12 px text with 8 px of padding above and below, and on either side of the text as
    // Source Sans 3 sets it (jsdom alone measures nothing, and Plot would draw a box of no width).
    const width = (await textMetrics())("A label", 12);
    expect(width).toBeGreaterThan(30);
    expect(box.height).toBe(12 + 16);
    expect(Math.abs(box.width - (width + 16))).toBeLessThan(1);
  });

  it("turns tip: true into native tooltips, and says so once for the figure", async () => {
    const { plot, notices } = withTooltips(
      { marks: [Plot.dot([{ x: 1, y: 2 }], { x: "x", y: "y", tip: true })] },
      "scatter",
    );
    expect(notices).toEqual([
      "figure scatter: tip: true needs a script to follow the pointer, and the page runs none; its mark shows the same values as native tooltips instead",
    ]);
    const { svg } = await renderFigure(figure(plot));
    expect(svg).toContain("<title>x: 1\ny: 2</title>");
  });
});

describe("a date() column in a chart", () => {
  const monthly = Array.from({ length: 24 }, (_, i) => ({
    month: parsePreciseDate(`${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`)!,
    value: i,
  }));

  it("reaches Plot as a date, so a line is drawn on a time axis", async () => {
    const { svg, warnings } = await renderFigure(
      figure(withAxes({ marks: [Plot.lineY(monthly, { x: "month", y: "value" })] }, "en-US")),
    );
    expect(warnings).toEqual([]);
    expect(svg).toMatch(/<path[^>]* d="M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){23}"/);
    expect(monthly[0]!.month).toBeInstanceOf(Date);
  });

  it("ticks no finer than its precision: years for yearly data", () => {
    const yearly = [2019, 2020, 2021].map((year) => ({ year: new PreciseDate(year), value: year }));
    const plot = withAxes({ marks: [Plot.lineY(yearly, { x: "year", y: "value" })] }, "en-US");
    expect((plot.x as { ticks?: unknown }).ticks).toBe("year");
    const monthlyPlot = withAxes({ marks: [Plot.lineY(monthly, { x: "month", y: "value" })] }, "en-US");
    expect((monthlyPlot.x as { ticks?: unknown }).ticks).toBe("3 months");
  });

  it("writes the ticks of a time axis and a number axis in the report's locale", async () => {
    const plot = withAxes(
      { marks: [Plot.lineY(monthly, { x: "month", y: (d: { value: number }) => d.value * 1000 })] },
      "fr-FR",
    );
    const { svg } = await renderFigure(figure(plot));
    expect(svg).toContain(">janv. 2019<");
    expect(svg).toContain(">20\u202f000<");
  });

  it("writes the ticks of a datetime axis in the report's locale, as finely as Plot spaced them", async () => {
    const hours = [0, 6, 12, 18, 24].map((h) => ({ at: new Date(Date.UTC(2020, 10, 3, h)), value: h }));
    const hourly = await renderFigure(
      figure(withAxes({ marks: [Plot.lineY(hours, { x: "at", y: "value" })] }, "de-DE")),
    );
    expect(hourly.svg).toContain(">12:00<");
    const days = [1, 10, 20, 30].map((d) => ({ at: new Date(Date.UTC(2020, 10, d)), value: d }));
    const daily = await renderFigure(figure(withAxes({ marks: [Plot.lineY(days, { x: "at", y: "value" })] }, "fr-FR")));
    expect(daily.svg).toMatch(/>\d{1,2} nov\.</);
    expect(daily.svg).not.toContain(">Nov<");
  });
});

describe("nothing disappears in silence", () => {
  it("warns of a mark that draws nothing from its rows, naming the figure and the mark", async () => {
    const dates = [
      { when: "2020-01-01", value: 1 },
      { when: "2020-02-01", value: 2 },
    ];
    const { warnings } = await renderFigure(
      figure({ marks: [Plot.ruleY([0]), Plot.dot(dates, { x: (d) => new Date(d.when + "x"), y: "value" })] }),
    );
    expect(warnings).toEqual([
      "figure f: the dot mark (mark 2) draws nothing from its 2 rows: no row has a value for every channel it needs (text where a date or number is expected?); a mark that follows the pointer (tip, Plot.pointer) draws nothing in a page without script",
    ]);
  });

  it("warns of a label that reaches outside the chart", async () => {
    const { warnings } = await renderFigure(
      figure({
        marks: [
          Plot.text([{ x: 10 }], {
            x: "x",
            text: () => "A label far too long for the right edge",
            textAnchor: "start",
          }),
        ],
        x: { domain: [0, 10] },
      }),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^figure f: the label "A label far too long for the right edge" \(text mark\) reaches \d+ px outside the chart at the right; give the chart more margin \(marginRight\), or shorten the label$/,
    );
  });
});

describe("a domain set by hand", () => {
  const summons = [
    { court: "North", count: 40 },
    { court: "South", count: 140 },
  ];
  const bars = (x: object) => ({ x, marginLeft: 60, marks: [Plot.barX(summons, { x: "count", y: "court" })] });

  it("warns where it cuts off a value, naming the figure, the scale, the domain and the largest value", async () => {
    const { warnings } = await renderFigure({ ...figure(bars({ domain: [0, 130] })), id: "summons" });
    expect(warnings).toEqual([
      "figure summons: the x domain [0, 130] cuts off 1 value (the largest, 140); widen the domain, or leave it out so that it comes from the data (nice: true pads it)",
    ]);
  });

  it("says nothing of a domain that holds every value, those on its boundary included", async () => {
    expect((await renderFigure(figure(bars({ domain: [0, 150] })))).warnings).toEqual([]);
    expect((await renderFigure(figure(bars({ domain: [0, 140] })))).warnings).toEqual([]);
  });

  it("names the smallest value a y domain cuts off below a line", async () => {
    const rows = [3, -2, 5, -4, 6].map((value, i) => ({ i, value }));
    const { warnings } = await renderFigure(
      figure({ y: { domain: [0, 10] }, marks: [Plot.lineY(rows, { x: "i", y: "value" })] }),
    );
    expect(warnings).toEqual([
      "figure f: the y domain [0, 10] cuts off 2 values (the smallest, -4); widen the domain, or leave it out so that it comes from the data (nice: true pads it)",
    ]);
  });

  it("takes clamp: true, the scale's or the chart's, as a cut made on purpose", async () => {
    expect((await renderFigure(figure(bars({ domain: [0, 130], clamp: true })))).warnings).toEqual([]);
    expect((await renderFigure(figure({ ...bars({ domain: [0, 130] }), clamp: true }))).warnings).toEqual([]);
  });

  it("leaves a band scale's domain alone: leaving a category out is a choice", async () => {
    const years = [2019, 2020, 2021].map((year) => ({ year, count: year - 2000 }));
    const plot = { x: { domain: [2019, 2020] }, marks: [Plot.barY(years, { x: "year", y: "count" })] };
    expect((await renderFigure(figure(plot))).warnings).toEqual([]);
  });

  it("says a cut in both views once, and one in the narrow view alone naming it", async () => {
    const both = await renderFigure({
      ...figure(bars({ domain: [0, 130] })),
      views: { narrow: { ...bars({ domain: [0, 130] }), width: 320 }, card: bars({ domain: [0, 130] }) },
    });
    expect(both.warnings).toEqual([
      "figure f: the x domain [0, 130] cuts off 1 value (the largest, 140); widen the domain, or leave it out so that it comes from the data (nice: true pads it)",
    ]);
    const narrow = await renderFigure({
      ...figure(bars({ domain: [0, 150] })),
      views: { narrow: { ...bars({ domain: [0, 100] }), width: 320 }, card: bars({ domain: [0, 150] }) },
    });
    expect(narrow.warnings).toEqual([
      "figure f in the narrow view (phones): the x domain [0, 100] cuts off 1 value (the largest, 140); widen the domain, or leave it out so that it comes from the data (nice: true pads it)",
    ]);
  });
});

describe("tick labels", () => {
  const rows = ["A", "B", "C", "D", "E", "F"].flatMap((country) =>
    Array.from({ length: 11 }, (_, i) => ({ country, year: 2000 + i, value: i })),
  );

  it("warns where the facets' tick labels run into each other, naming both", async () => {
    const { warnings } = await renderFigure(
      figure({
        x: { tickFormat: "d" },
        marks: [Plot.lineY(rows, { x: "year", y: "value", fx: "country" })],
      }),
    );
    expect(warnings).toEqual([
      'figure f: the x-axis tick labels "2010" and "2000" run into each other; ask for fewer ticks (x: { ticks: 4 }), a shorter tickFormat, or a wider chart',
    ]);
  });

  it("is content with ticks set apart", async () => {
    const { warnings } = await renderFigure(
      figure({
        x: { tickFormat: "d", ticks: [2002, 2008] },
        marks: [Plot.lineY(rows, { x: "year", y: "value", fx: "country" })],
      }),
    );
    expect(warnings).toEqual([]);
  });
});

describe("label halos", () => {
  const labels = [{ x: 1, y: 1, name: "A label" }];

  it("paints each text mark's labels over a halo in the page's background", async () => {
    const { svg } = await renderFigure(figure({ marks: [Plot.text(labels, { x: "x", y: "y", text: "name" })] }));
    expect(svg).toMatch(
      /<g[^>]* stroke="var\(--plot-background\)" stroke-width="3" stroke-linejoin="round" paint-order="stroke"><text[^>]*>A label<\/text>/,
    );
  });

  it("leaves the halo off where a figure says strokeWidth: 0, strokes its own, or its labels are light", async () => {
    for (const options of [
      { strokeWidth: 0 },
      { stroke: "red" },
      { fill: "white" },
      { fill: "#eee" },
      { fill: "rgb(240, 240, 240)" },
    ]) {
      const { svg } = await renderFigure(
        figure({ marks: [Plot.text(labels, { x: "x", y: "y", text: "name", ...options })] }),
      );
      expect(svg, JSON.stringify(options)).toContain(">A label</text>");
      expect(svg, JSON.stringify(options)).not.toContain("var(--plot-background)");
    }
  });
});

describe("views", () => {
  const rows = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, value: i * i }));
  const line = (width: number, ticks: number) => ({
    width,
    marks: [Plot.lineY(rows, { x: "month", y: "value" })],
    x: { ticks },
  });
  const ticks = (svg: string) => (svg.match(/ d="M0,0L0,6"/g) ?? []).length;

  it("draws the narrow view 320 px wide with type a step larger, as the figure asks for it", async () => {
    const chart = await renderFigure({
      ...figure(line(640, 12)),
      views: { narrow: line(320, 4), card: line(560, 6) },
    });
    expect(chart.narrow).toMatch(/^<svg class="pb-plot pb-narrow"[^>]* font-size="13"[^>]* width="320"/);
    expect(chart.svg).toMatch(/^<svg class="pb-plot pb-column"[^>]* font-size="12"[^>]* width="640"/);
    expect(ticks(chart.narrow!)).toBeLessThan(ticks(chart.svg));
    expect(chart.card).toMatch(/ width="560"/);
  });

  it("says in which view a label is lost: the narrow one, for phones", async () => {
    const label = (width: number) => ({
      width,
      marginRight: 40,
      x: { domain: [0, 1] },
      marks: [
        Plot.text([{ x: 0.5 }], { x: "x", text: () => "A label for a column, not a phone", textAnchor: "start" }),
      ],
    });
    const { warnings } = await renderFigure({
      ...figure(label(640)),
      views: { narrow: label(320), card: label(640) },
    });
    expect(warnings).toHaveLength(1);
    // The social card is drawn only for png and a url: its lost labels fail no strict build.
    const cardOnly = await renderFigure({ ...figure(label(640)), views: { narrow: label(640), card: label(320) } });
    expect(cardOnly.warnings).toEqual([]);
    expect(warnings[0]).toMatch(
      /^figure f in the narrow view \(phones\): the label "A label for a column, not a phone" \(text mark\) reaches \d+ px outside the chart at the right/,
    );
  });
});

describe("a chart's alt text, where a figure gives none", () => {
  it("summarises the kind, series and axes within 300 characters, not the rows", async () => {
    const regions = ["North", "South", "East", "West"];
    const rows = regions.flatMap((region, r) =>
      Array.from({ length: 2_500 }, (_, i) => ({ region, i, value: Math.sin(i / 100 + r) * 100 })),
    );
    const { alt: _, ...rest } = figure({ marks: [Plot.lineY(rows, { x: "i", y: "value", stroke: "region" })] });
    const { alt } = await renderFigure({ ...rest, title: "Sine waves" });
    expect(alt.length).toBeLessThanOrEqual(300);
    expect(alt).toMatch(/^Sine waves\. A line chart of 10,000 rows in 4 series: East, North, South, West\./);
    expect(alt).toContain(" X: 0 to 2,499. Y: ");
    const asked = await renderFigure({ ...rest, title: "Which wave is highest?" });
    expect(asked.alt).toMatch(/^Which wave is highest\? A line chart/);
  });
});

describe("the flagship's periods and axes, written from its rows", () => {
  /** The flagship with Al Jazeera's count replaced, its summons figure drawn: its subtitle, warnings and x ticks. */
  async function summonsWith(count: number, locale?: string) {
    const root = await copyProject();
    const file = join(root, "data/cambodia-2020/summons.csv");
    await writeFile(file, (await readFile(file, "utf8")).replace(",121,", `,${count},`));
    const report = await loadReport(root, "cambodia-2020");
    const spec = report.spec.figures.find((figure) => figure.id === "summons")!;
    const figure = resolveFigure(spec, report.datasets, locale === undefined ? {} : { locale });
    const chart = await renderFigure(figure);
    // The x axis's tick labels: Plot sets those of a bottom axis at y="0.71em".
    const ticks = [...chart.svg.matchAll(/<text y="0\.71em"[^>]*>([\d,]+)<\/text>/g)];
    const values = ticks.map((match) => Number(match[1]!.replace(",", "")));
    return { subtitle: figure.subtitle, warnings: chart.warnings, top: Math.max(...values) };
  }

  it("the summons axis reaches past the largest count, whatever it is, its label inside the chart", async () => {
    const flagship = await summonsWith(121);
    expect(flagship.warnings).toEqual([]);
    expect(flagship.top).toBe(120);
    const larger = await summonsWith(187);
    expect(larger.warnings).toEqual([]);
    expect(larger.top).toBeGreaterThanOrEqual(180);
  });

  it("the summons subtitle names the months of the reports, in the report's locale", async () => {
    expect((await summonsWith(121)).subtitle).toBe(
      "People summoned to court on treason charges, as each source reported it, Nov. 2020 to Jan. 2021",
    );
    expect((await summonsWith(121, "fr-FR")).subtitle).toMatch(/, novembre 2020\u2009–\u2009janvier 2021$/);
  });

  it("the growth axis spans the data, not a fifth more, and holds every label", async () => {
    const report = await loadReport(ROOT, "cambodia-2020");
    const spec = report.spec.figures.find((figure) => figure.id === "gdp-revisions")!;
    const figure = resolveFigure(spec, report.datasets);
    expect(figure.plot.x).not.toHaveProperty("domain");
    const chart = await renderFigure(figure);
    expect(chart.warnings).toEqual([]);
    // The ticks run from −5 to +5 and no further: the growth figures run from −5.5 to +7.5.
    const ticks = [...chart.svg.matchAll(/>([−+]?\d+)<\/text>/g)].map((match) => match[1]);
    expect(ticks).toEqual(["−5", "0", "+5"]);
  });
});
