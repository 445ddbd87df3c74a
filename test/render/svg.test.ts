import { execFile } from "node:child_process";
import { promisify } from "node:util";
import * as Plot from "@observablehq/plot";
import { beforeAll, describe, expect, it } from "vitest";
import type { Figure } from "../../src/figures/figure.js";
import { renderFigure, renderSvg, svgDocument } from "../../src/render/svg.js";
import { expectGolden } from "../golden.js";
import { ROOT } from "../project.js";
import { flagshipSvgs } from "./flagship.js";

const run = promisify(execFile);
let svgs: Map<string, string>;

beforeAll(async () => {
  svgs = await flagshipSvgs();
});

function figure(id: string, plot: Figure["plot"]): Figure {
  return {
    id,
    title: id,
    notes: [],
    alt: `alt ${id}`,
    source: "Source: test.",
    credit: "",
    table: { head: [], numeric: [], rows: [], total: 0, csv: "", neutralised: 0 },
    plot,
    exports: { file: true, card: true },
    notices: [],
  };
}

describe("renderSvg(figure, document)", () => {
  it("renders the four flagship figures, byte for byte as their golden files", async () => {
    expect([...svgs.keys()]).toEqual(["tariff-share", "gdp-revisions", "summons", "timeline"]);
    for (const [id, svg] of svgs) await expectGolden(`figures/${id}.svg`, `${svg}\n`);
  });

  it("writes well-formed XML, so each chart also works as a standalone .svg file", async () => {
    const { JSDOM } = await import("jsdom");
    const parser = new new JSDOM("").window.DOMParser();
    for (const [id, svg] of svgs) {
      const parsed = parser.parseFromString(svg, "image/svg+xml");
      expect(parsed.getElementsByTagName("parsererror").length, id).toBe(0);
      expect(parsed.documentElement.namespaceURI).toBe("http://www.w3.org/2000/svg");
    }
  });

  it("puts the alt text on the chart as an image's label", () => {
    for (const svg of svgs.values()) expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="[^"]+"/);
  });

  it("gives the same bytes in every time zone, in a fresh process each", async () => {
    for (const TZ of ["America/Los_Angeles", "Asia/Tokyo"]) {
      const { stdout } = await run(
        process.execPath,
        ["--import", "tsx", "--conditions", "plotbrief-source", "test/render/flagship.ts"],
        {
          cwd: ROOT,
          env: { ...process.env, TZ },
        },
      );
      expect(new Map(Object.entries(JSON.parse(stdout)))).toEqual(svgs);
    }
  });

  it("prefixes every id with the figure id, so two charts in one page never share a clip path", async () => {
    const document = await svgDocument();
    const clipped = (id: string) =>
      renderSvg(figure(id, { marks: [Plot.lineY([1, 3, 2], { clip: true, marker: "circle" })] }), document).svg;
    const a = clipped("first");
    const b = clipped("second");
    const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(a)).toEqual(["first-1", "first-2"]);
    expect(ids(b)).toEqual(["second-1", "second-2"]);
    expect(b).toContain('clip-path="url(#second-1)"');
    expect(b).not.toContain("plot-clip");
    for (const svg of svgs.values()) expect(svg).not.toMatch(/"plot-(clip|marker|pattern)-\d+"/);
  });

  it("fails a figure on a Plot warning, naming the figure", async () => {
    const document = await svgDocument();
    const warned = figure("warned", { marks: [Plot.barY(["1", "2", "10"], { x: (d) => d, y: () => 1 })] });
    expect(() => renderSvg(warned, document)).toThrow(
      /^figure warned: Plot warned: .*strings that appear to be numbers/,
    );
  });

  it("draws a key for a scale that asks for one, as Plot draws it, and puts it above the chart in the file", async () => {
    const keyed = figure("keyed", {
      color: { legend: true, domain: ["North", "South"] },
      marks: [Plot.dot(["North", "South"], { x: (d) => d, fill: (d) => d })],
    });
    const chart = await renderFigure(keyed);
    expect(chart.svg).toMatch(/^<svg /);
    expect(chart.legends).toHaveLength(1);
    expect(chart.legends[0]).toMatch(/^<div class="pb-plot-swatches pb-plot-swatches-wrap">/);
    expect(chart.legends[0]).toContain("</svg>North</span>");
    // The file: its title, then its key (swatch and label), then the chart below them, 20 px in.
    expect(chart.file).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="pb-[0-9a-f]{12}" width="680" height="\d+"/,
    );
    expect(chart.file).toContain('font-weight="bold" fill="#1a1a1a">keyed</text>');
    expect(chart.file).toMatch(/<g transform="translate\(20,(\d+(\.\d+)?)\)"><g class="pb-key" font-size="12">/);
    expect(chart.file).toContain('<text x="21" y="11" dy="0.35em">North</text>');
    const key = Number(/<g transform="translate\(20,([\d.]+)\)"><g class="pb-key"/.exec(chart.file!)![1]);
    // On a whole pixel, as in the page, so that glyphs are drawn alike.
    expect(chart.file).toContain(`</g></g><svg x="20" y="${Math.ceil(key + 28)}" `);
  });

  it("paints a colour ramp on its own canvas, for a continuous key", async () => {
    const ramp = figure("ramp", {
      color: { legend: true, type: "linear", domain: [0, 100] },
      marks: [Plot.dot([10, 90], { x: (d) => d, fill: (d) => d })],
    });
    const chart = await renderFigure(ramp);
    expect(chart.legends[0]).toMatch(/^<svg /);
    expect(chart.legends[0]).toMatch(/href="data:image\/png;base64,iVBORw0KGgo/);
  });
});
