import { mkdtemp, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/build/build.js";
import { ROOT } from "../project.js";
import { browserPath } from "./chromium.js";
import { openBrowser } from "../../src/render/launch.js";
import type { BrowserSession } from "../../src/render/launch.js";

const executable = browserPath();
const HTML = ["html"] as const;
const require = createRequire(import.meta.url);

describe.skipIf(executable === undefined)("the flagship report in Chromium", () => {
  let session: BrowserSession;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];
  let url: string;

  beforeAll(async () => {
    const out = await mkdtemp(join(tmpdir(), "plotbrief-browser-"));
    await buildReport("cambodia-2020", { root: ROOT, out, formats: HTML });
    url = pathToFileURL(join(out, "cambodia-2020/index.html")).href;
    session = await openBrowser({ executablePath: executable! });
    browser = session.browser;
    page = await browser.newPage();
    // Only so that the test can inject axe; the report itself runs no script.
    await page.setBypassCSP(true);
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const target = request.url();
      if (target !== url && !target.startsWith("data:")) requests.push(target);
      void (target === url || target.startsWith("data:") ? request.continue() : request.abort());
    });
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warn") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.setViewport({ width: 800, height: 1000 });
    await page.goto(url, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  });

  afterAll(async () => {
    await session?.close();
  });

  it("shows all four figures, each with a chart of real size", async () => {
    const figures = await page.$$eval("figure.pb-figure", (elements) =>
      elements.map((figure) => {
        const svg = figure.querySelector("svg")!.getBoundingClientRect();
        return { id: figure.id, width: Math.round(svg.width), height: Math.round(svg.height) };
      }),
    );
    expect(figures.map((figure) => figure.id)).toEqual([
      "figure-tariff-share",
      "figure-gdp-revisions",
      "figure-summons",
      "figure-timeline",
    ]);
    for (const figure of figures) {
      expect(figure.width).toBeGreaterThan(600);
      expect(figure.height).toBeGreaterThan(100);
    }
  });

  it("makes no request to anything but itself and logs no error", () => {
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("draws its text in the embedded fonts", async () => {
    const loaded = await page.evaluate(() =>
      [...document.fonts].filter((font) => font.status === "loaded").map((font) => `${font.family} ${font.weight}`),
    );
    expect(loaded).toEqual(expect.arrayContaining(["Source Serif 4 400", "Source Sans 3 400"]));
  });

  it("has no accessibility violation found by axe-core", async () => {
    await page.addScriptTag({ content: await readFile(require.resolve("axe-core/axe.min.js"), "utf8") });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
            ) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    });
    expect(violations).toEqual([]);
  });
});
