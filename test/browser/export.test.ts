// An exported chart stands alone: `figures/<id>.svg` carries its furniture on a background and the
// glyphs of the fonts it uses, so a Chromium with no fonts at all draws its chart exactly as the page
// draws it with its own; and a page published at a `url` names its first chart's social card.
import { execFile } from "node:child_process";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { pathToFileURL } from "node:url";
import { PNG } from "pngjs";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/build/build.js";
import { openBrowser } from "../../src/render/launch.js";
import type { BrowserSession } from "../../src/render/launch.js";
import { Printer } from "../../src/render/printer.js";
import { copyProject } from "../project.js";
import { browserPath } from "./chromium.js";

const executable = browserPath();
const run = promisify(execFile);

/**
 * The same drawing, to within the antialiasing of glyph edges where a label's halo crosses a gridline
 * (measured: 0.01% to 0.15% of pixels). A fallback font for any label differs in several percent.
 */
const SAME = 0.0025;

/** The share of pixels that differ between two images of the same size. */
function difference(a: PNG, b: PNG): number {
  expect([b.width, b.height]).toEqual([a.width, a.height]);
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.max(...[0, 1, 2].map((c) => Math.abs(a.data[i + c]! - b.data[i + c]!))) > 8) differing++;
  }
  return differing / (a.width * a.height);
}

describe.skipIf(executable === undefined)("exported charts", () => {
  let root: string;
  let out: string;
  let fonts: BrowserSession;
  let bare: BrowserSession;

  beforeAll(async () => {
    root = await copyProject();
    out = join(root, "out");
    await buildReport("cambodia-2020", { root, out, formats: ["html", "svg"] });
    // A fontconfig that knows one font only, a monospace one, nothing like the report's: the browser's
    // only fallback. (With none at all, Chromium 156 refuses every web font too: measured.) It keeps
    // the system's rules for drawing glyphs (hinting, antialiasing), which are not fonts.
    const config = join(root, "one-font");
    await mkdir(join(config, "fonts"), { recursive: true });
    const monospace = (await run("fc-match", ["-f", "%{file}", "monospace"])).stdout;
    await copyFile(monospace, join(config, "fonts", basename(monospace)));
    await writeFile(
      join(config, "fonts.conf"),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${join(config, "fonts")}</dir><cachedir>${join(config, "cache")}</cachedir><include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>\n`,
    );
    [fonts, bare] = await Promise.all([
      openBrowser({ executablePath: executable! }),
      openBrowser({
        executablePath: executable!,
        env: { ...process.env, FONTCONFIG_FILE: join(config, "fonts.conf") },
      }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([fonts?.close(), bare?.close()]);
  });

  const shoot = async (page: Page, clip?: { x: number; y: number; width: number; height: number }) =>
    PNG.sync.read(Buffer.from(await page.screenshot({ type: "png", ...(clip ? { clip } : {}) })));

  it("has only a monospace font in the bare browser, so that a chart drawn like the page's uses its own", async () => {
    const page = await bare.browser.newPage();
    await page.setContent(
      `<span id="i" style="font: 40px sans-serif">iiii</span><span id="m" style="font: 40px sans-serif">MMMM</span>`,
    );
    const widths = await page.evaluate(() => ["i", "m"].map((id) => document.getElementById(id)!.offsetWidth));
    expect(widths[0]).toBe(widths[1]);
    await page.close();
  });

  // The page's own drawing of a chart, at the size the file has it (the page's column is a little narrower).
  const inPage = async (id: string) => {
    const page = await fonts.browser.newPage();
    await page.setViewport({ width: 900, height: 1600 });
    await page.goto(pathToFileURL(join(out, "cambodia-2020/index.html")).href, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const chart = await page.$(`#figure-${id} svg.pb-column`);
    await chart!.evaluate((svg) => {
      (svg as SVGSVGElement).style.maxWidth = "none";
      svg.scrollIntoView();
    });
    const image = PNG.sync.read(Buffer.from(await chart!.screenshot({ type: "png" })));
    await page.close();
    return image;
  };

  // Where the chart is in the file: below its title and key, 20 px in.
  const placeOf = (file: string) => {
    const [, x, y, width, height] =
      /<svg x="(\d+)" y="([\d.]+)" class="pb-plot pb-column"[^>]* width="(\d+)" height="(\d+)"/.exec(file)!.map(Number);
    return { x: x!, y: y!, width: width!, height: height! };
  };

  for (const id of ["summons", "gdp-revisions", "timeline"]) {
    it(`draws ${id}'s chart, in a browser without the report's fonts, exactly as the page draws it`, async () => {
      const file = await readFile(join(out, "cambodia-2020/figures", `${id}.svg`), "utf8");
      // The file's markup in a page of its own, as a CMS or another site embeds it.
      const alone = await bare.browser.newPage();
      await alone.setViewport({ width: 900, height: 1600 });
      // Another chart's file after it, as on a page that embeds several: each keeps its own glyphs.
      const other = await readFile(
        join(out, "cambodia-2020/figures", id === "timeline" ? "summons.svg" : "timeline.svg"),
        "utf8",
      );
      await alone.setContent(`<!DOCTYPE html><body style="margin:0">${file}${other}</body>`, { waitUntil: "load" });
      await alone.evaluate(() => document.fonts.ready.then(() => undefined));
      const exported = await shoot(alone, placeOf(file));
      await alone.close();
      const own = await inPage(id);
      expect(difference(exported, own)).toBeLessThan(SAME);
    });
  }

  it("draws the file as an image, in a browser without the report's fonts, as the page draws its chart", async () => {
    const file = await readFile(join(out, "cambodia-2020/figures/summons.svg"), "utf8");
    const page = await bare.browser.newPage();
    const host = join(out, "cambodia-2020/figures/summons.html");
    await writeFile(host, `<!DOCTYPE html><body style="margin:0"><img src="summons.svg" style="display:block">`);
    await page.setViewport({ width: 900, height: 1600 });
    await page.goto(pathToFileURL(host).href, { waitUntil: "load" });
    const image = await shoot(page, placeOf(file));
    await page.close();
    expect(difference(image, await inPage("summons"))).toBeLessThan(SAME);
  });

  it("carries the figure's furniture and fonts, in colours that need no page", async () => {
    const file = await readFile(join(out, "cambodia-2020/figures/summons.svg"), "utf8");
    expect(file).toContain(">How many were summoned? It depends who counted what</text>");
    expect(file).toContain(
      ">Sources: VOD English, news report, Nov. 3, 2020; AP, news report via VOA Cambodia, Nov. 13, 2020; Asia Times, news analysis,",
    );
    expect(file).toContain(">The plotbrief worked example</text>");
    expect(file).toMatch(/<rect width="100%" height="100%" fill="#fff"\/>/);
    // The fonts under a name of the file's own, which its text asks for first.
    const family = /^<svg [^>]*class="(pb-[0-9a-f]{12})"/.exec(file)![1]!;
    expect(file).toContain(`font-family='"${family}", "Source Sans 3", system-ui, sans-serif'`);
    const faces = [
      ...file.matchAll(
        new RegExp(
          `@font-face\\{font-family:"${family}";font-weight:(\\d+);src:url\\(data:font/ttf;base64,([^)]+)\\)`,
          "g",
        ),
      ),
    ];
    expect(faces.map((face) => face[1])).toEqual(["400", "700"]);
    // A subset: a fraction of the font the page embeds (15 kB of WOFF2 for each weight).
    for (const face of faces) expect(Buffer.from(face[2]!, "base64").length).toBeLessThan(15_000);
    expect(file).not.toMatch(/var\(--pb-|var\(--plot-background\)/);
  });

  it("names the first chart's social card in the page when the front matter gives its url, and prints it", async () => {
    const notebook = join(root, "reports/cambodia-2020/index.md");
    await writeFile(
      notebook,
      (await readFile(notebook, "utf8")).replace("paper: a4", "paper: a4\nurl: https://example.org/briefings/cambodia"),
    );
    const printer = new Printer({ executablePath: executable! });
    try {
      await buildReport("cambodia-2020", { root, out, formats: ["html"], printer });
    } finally {
      await printer.close();
    }
    const html = await readFile(join(out, "cambodia-2020/index.html"), "utf8");
    expect(html).toContain(
      '<meta property="og:image" content="https://example.org/briefings/cambodia/figures/tariff-share.card.png" />',
    );
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image" />');
    const card = PNG.sync.read(await readFile(join(out, "cambodia-2020/figures/tariff-share.card.png")));
    expect([card.width, card.height]).toEqual([1200, 675]);
    // Ink where the title, the chart and the source line go, and a margin with none.
    const inked = (top: number, bottom: number) => {
      let n = 0;
      for (let y = top; y < bottom; y++)
        for (let x = 0; x < card.width; x++)
          if (Math.min(...card.data.subarray((y * card.width + x) * 4, (y * card.width + x) * 4 + 3)) < 200) n++;
      return n / ((bottom - top) * card.width);
    };
    expect(inked(30, 140)).toBeGreaterThan(0.02);
    expect(inked(150, 560)).toBeGreaterThan(0.02);
    expect(inked(570, 640)).toBeGreaterThan(0.02);
    expect(inked(0, 25)).toBe(0);
  });
});
