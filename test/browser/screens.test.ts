// The page as readers see it, in a real Chromium: on phones from 320 to 400 px wide every chart's text
// is 11 px or more (the narrow view, chosen by container query), on a wide screen and in print the
// column's view; labels have a halo in the page's background; the page follows a dark scheme and
// passes axe's checks in both, and prints light. For the flagship and for the gallery's charts.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/build/build.js";
import { openBrowser } from "../../src/render/launch.js";
import type { BrowserSession } from "../../src/render/launch.js";
import { ROOT, galleryProject } from "../project.js";
import { browserPath } from "./chromium.js";

const executable = browserPath();
const require = createRequire(import.meta.url);

/** What the reader sees of each figure's chart: which view, how wide, and its smallest text in CSS px. */
type Shown = { figure: string; view: string; width: number; smallest: number; label: string };

function shownCharts(page: Page): Promise<Shown[]> {
  return page.$$eval("figure.pb-figure", (figures) =>
    figures.flatMap((figure) => {
      const visible = [...figure.querySelectorAll<SVGSVGElement>("svg.pb-plot")].filter(
        (svg) => getComputedStyle(svg).display !== "none" && svg.getBoundingClientRect().width > 0,
      );
      return visible.map((svg) => {
        const box = svg.getBoundingClientRect();
        const scale = box.width / svg.viewBox.baseVal.width;
        let smallest = Infinity;
        let label = "";
        for (const text of svg.querySelectorAll("text")) {
          if (!text.textContent?.trim()) continue;
          const size = parseFloat(getComputedStyle(text).fontSize) * scale;
          if (size < smallest) [smallest, label] = [size, text.textContent];
        }
        const view = svg.classList.contains("pb-narrow") ? "narrow" : "column";
        return { figure: figure.id, view, width: Math.round(box.width), smallest, label };
      });
    }),
  );
}

function luminance(colour: string): number {
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).map(Number).map((c) => c / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe.skipIf(executable === undefined)("a report on every screen, in Chromium", () => {
  let session: BrowserSession;
  let page: Page;
  const reports: Record<string, string> = {};

  beforeAll(async () => {
    const gallery = await galleryProject();
    for (const [root, slug] of [
      [ROOT, "cambodia-2020"],
      [gallery, "gallery"],
    ] as const) {
      const out = join(gallery, "out", slug);
      await buildReport(slug, { root, out, formats: ["html"] });
      reports[slug] = pathToFileURL(join(out, slug, "index.html")).href;
    }
    session = await openBrowser({ executablePath: executable! });
    page = await session.browser.newPage();
  });

  afterAll(async () => {
    await session?.close();
  });

  const open = async (slug: string, width: number, scheme: "light" | "dark" = "light") => {
    await page.setViewport({ width, height: 900 });
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    await page.goto(reports[slug]!, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  };

  for (const slug of ["cambodia-2020", "gallery"]) {
    it(`sets every chart's text at 11 px or more on phones 320 to 400 px wide (${slug})`, async () => {
      for (const width of [320, 360, 390, 400]) {
        await open(slug, width);
        const charts = await shownCharts(page);
        expect(charts.length, `${slug} at ${width} px`).toBeGreaterThanOrEqual(4);
        for (const chart of charts) {
          expect(chart.view, `${chart.figure} at ${width} px`).toBe("narrow");
          expect(chart.width, `${chart.figure} at ${width} px`).toBeLessThanOrEqual(width);
          expect(
            chart.smallest,
            `${chart.figure} at ${width} px: "${chart.label}" is ${chart.smallest.toFixed(1)} px`,
          ).toBeGreaterThanOrEqual(11);
        }
      }
    });

    it(`shows one view of each chart, the column's on a wide screen and in print (${slug})`, async () => {
      await open(slug, 1280);
      const wide = await shownCharts(page);
      expect(new Set(wide.map((chart) => chart.view))).toEqual(new Set(["column"]));
      expect(new Set(wide.map((chart) => chart.figure)).size).toBe(wide.length);
      await page.setViewport({ width: 400, height: 900 });
      await page.emulateMediaType("print");
      try {
        const printed = await shownCharts(page);
        expect(new Set(printed.map((chart) => chart.view))).toEqual(new Set(["column"]));
        expect(printed.length).toBe(wide.length);
      } finally {
        await page.emulateMediaType();
      }
    });
  }

  it("paints a halo behind the charts' labels in the page's background, in both schemes", async () => {
    for (const scheme of ["light", "dark"] as const) {
      await open("cambodia-2020", 1280, scheme);
      const { background, halos, labels } = await page.evaluate(() => {
        const groups = [...document.querySelectorAll("#figure-summons svg.pb-column g")].filter((g) =>
          g.querySelector(":scope > text"),
        );
        const haloed = groups.filter((g) => getComputedStyle(g).paintOrder.startsWith("stroke"));
        return {
          background: getComputedStyle(document.documentElement).backgroundColor,
          halos: [...new Set(haloed.map((g) => getComputedStyle(g).stroke))],
          labels: haloed.length,
        };
      });
      expect(labels, scheme).toBeGreaterThanOrEqual(2);
      expect(halos, scheme).toEqual([background]);
    }
  });

  it("follows a dark scheme, charts included, and prints light", async () => {
    await open("cambodia-2020", 1280, "dark");
    const dark = await page.evaluate(() => {
      const svg = document.querySelector("#figure-gdp-revisions svg.pb-column")!;
      return {
        page: getComputedStyle(document.documentElement).backgroundColor,
        ink: getComputedStyle(document.body).color,
        tick: getComputedStyle(svg.querySelector("text")!).fill,
        bar: getComputedStyle(svg.querySelector("rect")!).fill,
      };
    });
    expect(luminance(dark.page)).toBeLessThan(0.1);
    expect(luminance(dark.ink)).toBeGreaterThan(0.8);
    expect(dark.tick).toBe(dark.ink);
    // The palette's blue, lightened for the dark page.
    expect(dark.bar).toBe("rgb(141, 180, 238)");
    await page.emulateMediaType("print");
    try {
      const printed = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(printed).toBe("rgb(255, 255, 255)");
    } finally {
      await page.emulateMediaType();
    }
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`passes axe-core's checks, contrast included, in the ${scheme} scheme`, async () => {
      await page.setBypassCSP(true);
      await open("cambodia-2020", 1280, scheme);
      await page.addScriptTag({ content: await readFile(require.resolve("axe-core/axe.min.js"), "utf8") });
      const { violations, contrast } = await page.evaluate(async () => {
        type Result = { id: string; help: string; nodes: { target: string[] }[] };
        const axe = (window as unknown as { axe: { run: (context: Document) => Promise<Record<string, Result[]>> } })
          .axe;
        const result = await axe.run(document);
        const checked = [...result.passes!, ...result.violations!].find((rule) => rule.id === "color-contrast");
        return {
          violations: result.violations!.map(
            (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
          ),
          contrast: checked?.nodes.length ?? 0,
        };
      });
      expect(violations).toEqual([]);
      // The contrast rule looked at the page's text: it is not vacuously passed.
      expect(contrast).toBeGreaterThan(20);
    });
  }
});
