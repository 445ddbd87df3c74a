// `npm run bench`: plotbrief beside the bare tools doing the same work, in one run, as medians and
// ratios. Prints a table and writes bench/results.json. Not a test: nothing here asserts a time.
// Builds (items 4 to 6) run plotbrief as users run it: packed, installed in a desk's own project,
// and started by its bin; the other items measure its parts in this process.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as Plot from "@observablehq/plot";
import { launch } from "puppeteer-core";
import * as vega from "vega";
import * as vl from "vega-lite";
import { buildReport } from "../src/build/build.js";
import { Cache } from "../src/build/cache.js";
import { formatNumber } from "../src/data/format.js";
import { resolveFigure } from "../src/figures/figure.js";
import { renderReport } from "../src/build/render.js";
import { loadReport } from "../src/report/load.js";
import { findSystemBrowser } from "../src/render/browser.js";
import { Printer } from "../src/render/printer.js";
import { renderSvg, svgDocument } from "../src/render/svg.js";
import { deskProject, pack } from "../test/desk.js";
import { copyProject } from "../test/project.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const chromium = findSystemBrowser(process.env)!.path;

interface Row {
  readonly name: string;
  readonly ours: number;
  readonly theirs?: number;
  readonly unit: string;
  readonly against?: string;
  readonly target: string;
  readonly met: boolean;
}
const rows: Row[] = [];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median milliseconds per call of each function, measured in alternation so drift hits both alike. */
async function compare(fns: (() => unknown)[], runs = RUNS, inner = 1): Promise<number[]> {
  const times = fns.map(() => [] as number[]);
  for (const fn of fns) for (let i = 0; i < inner; i++) await fn(); // warm up
  for (let run = 0; run < runs; run++) {
    for (const [i, fn] of fns.entries()) {
      const started = performance.now();
      for (let k = 0; k < inner; k++) await fn();
      times[i]!.push((performance.now() - started) / inner);
    }
  }
  return times.map(median);
}

/** Runs a Node script in a new process (in `cwd`), timing it and reading its peak memory. */
function spawnTimed(args: string[], cwd = ROOT): Promise<{ ms: number; maxRssKb: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", join(ROOT, "bench/maxrss.mjs"), ...args],
      { cwd, env: process.env, maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error) return reject(new Error(`${args.join(" ")} failed: ${stderr}`));
        const kb = Number(/BENCH_MAXRSS_KB=(\d+)/.exec(stderr)?.[1] ?? 0);
        resolve({ ms: performance.now() - started, maxRssKb: kb });
      },
    );
  });
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(2));

async function figureRendering() {
  const report = await loadReport(ROOT, "cambodia-2020");
  const spec = report.spec.figures.find((figure) => figure.id === "gdp-revisions")!;
  // As a page is built: its two views (the column, and the phone's), no exported file, no card.
  const figure = resolveFigure(spec, report.datasets, { exports: { file: false, card: false } });
  const doc = await svgDocument();
  const views = [figure.plot, figure.views!.narrow];
  const [ours, bare] = await compare(
    [
      () => renderSvg(figure, doc),
      () =>
        views.map(
          (plot) => (Plot.plot({ width: 640, ...plot, document: doc.document }) as unknown as Element).outerHTML,
        ),
    ],
    RUNS,
    50,
  );
  rows.push({
    name: "1. render one figure (gdp-revisions)",
    ours: ours!,
    theirs: bare!,
    unit: "ms",
    against: "bare Plot.plot of the same two views (column, phone) + shared jsdom",
    target: "≤ 1.15x",
    met: ours! / bare! <= 1.15,
  });

  // 2. The same chart in Vega-Lite, rendered to SVG on the server.
  const gdp = report.datasets.get("gdp")!;
  const values = (gdp.rows as { id: string; year: number; kind: string; forecaster: string }[])
    .filter((row) => row.year <= 2020)
    .map((row) => {
      const q = gdp.quantity(row as never, "growth" as never);
      return { label: `${row.year} ${row.forecaster} ${row.id}`, growth: q.value, kind: q.kind, text: formatNumber(q) };
    });
  const vlSpec: vl.TopLevelSpec = {
    width: 440,
    data: { values },
    encoding: {
      y: { field: "label", type: "nominal", sort: null, title: null },
      x: { field: "growth", type: "quantitative", scale: { domain: [-13, 12] } },
    },
    layer: [
      { mark: { type: "bar" }, encoding: { fill: { field: "kind", type: "nominal", legend: null } } },
      { mark: { type: "text", align: "left", dx: 5 }, encoding: { text: { field: "text" } } },
    ],
  };
  const [vega_] = await compare(
    [
      async () => {
        const view = new vega.View(vega.parse(vl.compile(vlSpec).spec), { renderer: "none" });
        return view.toSVG();
      },
    ],
    RUNS,
    10,
  );
  rows.push({
    name: "2. same chart, Vega-Lite to SVG",
    ours: ours!,
    theirs: vega_!,
    unit: "ms",
    against: "vega + vega-lite",
    target: "faster than the peer",
    met: ours! < vega_!,
  });
  return report;
}

async function warmPdf() {
  const report = await loadReport(ROOT, "cambodia-2020");
  const rendered = await renderReport(ROOT, report);
  const printer = new Printer({ executablePath: chromium, pages: 1 });
  const browser = await launch({
    executablePath: chromium,
    pipe: true,
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
  });
  const page = await browser.newPage();
  try {
    const [ours, bare] = await compare([
      () => printer.pdf("bench.pdf", rendered.html, rendered.print),
      async () => {
        await page.setContent(rendered.html, { waitUntil: "load", timeout: 0 });
        return page.pdf({ ...rendered.print, tagged: true, outline: true, waitForFonts: true, timeout: 0 });
      },
    ]);
    rows.push({
      name: "3. print the flagship PDF, warm browser",
      ours: ours!,
      theirs: bare!,
      unit: "ms",
      against: "bare setContent + pdf()",
      target: "≈ 1x (the print is the cost)",
      met: ours! / bare! <= 1.15,
    });
  } finally {
    await printer.close();
    await browser.close();
  }
  return rendered.html;
}

/** The print options plotbrief uses for a report, so that the floor prints the same PDF. */
async function printOptions(root: string, slug: string, dir: string): Promise<string> {
  const rendered = await renderReport(root, await loadReport(root, slug));
  const file = join(dir, `${slug}-print.json`);
  await writeFile(file, JSON.stringify({ ...rendered.print, tagged: true, outline: true, waitForFonts: true }));
  return file;
}

/** A desk's project with the packed plotbrief installed and the flagship's data and reports copied in. */
async function desk(): Promise<{ project: string; cli: string; cleanup: () => Promise<void> }> {
  const { tarball } = await pack();
  const project = await deskProject(tarball);
  const cli = join(project, "node_modules/plotbrief/bin/plotbrief.js");
  await spawnTimed([cli, "init", "--quiet"], project);
  for (const folder of ["data", "reports"]) await cp(join(ROOT, folder), join(project, folder), { recursive: true });
  const cleanup = async () => {
    await rm(project, { recursive: true, force: true });
    await rm(join(tarball, ".."), { recursive: true, force: true });
  };
  return { project, cli, cleanup };
}

async function coldBuild(html: string, project: string, cli: string) {
  const dir = await mkdtemp(join(tmpdir(), "plotbrief-bench-"));
  const htmlFile = join(dir, "flagship.html");
  await writeFile(htmlFile, html);
  const options = await printOptions(ROOT, "cambodia-2020", dir);
  const build = (formats: string, out: string) =>
    spawnTimed([cli, "build", "cambodia-2020", "--format", formats, "--force", "--quiet", "--out", out], project);
  const times = { pdf: [] as number[], floor: [] as number[], html: [] as number[], bare: [] as number[] };
  let peak = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      const ours = await build("html,pdf", join(dir, `out-${run}`));
      times.pdf.push(ours.ms);
      peak = Math.max(peak, ours.maxRssKb);
      times.floor.push((await spawnTimed(["bench/floor.mjs", chromium, options, dir, htmlFile])).ms);
      times.html.push((await build("html", join(dir, `html-${run}`))).ms);
      const data = join(project, "data/cambodia-2020");
      times.bare.push((await spawnTimed(["bench/floor-svg.mjs", data, join(dir, "bare.svg")])).ms);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const [o, f] = [median(times.pdf), median(times.floor)];
  rows.push({
    name: "4. cold build of the flagship, HTML + PDF",
    ours: o,
    theirs: f,
    unit: "ms",
    against: "node: launch Chromium + print that HTML, same options",
    target: "≤ 1.15x",
    met: o / f <= 1.15,
  });
  rows.push({
    name: "   peak memory of the cold build (Node)",
    ours: peak / 1024,
    unit: "MB",
    target: "< 400 MB",
    met: peak / 1024 < 400,
  });
  const [h, b] = [median(times.html), median(times.bare)];
  rows.push({
    name: "4b. cold build of the flagship, HTML only",
    ours: h,
    theirs: b,
    unit: "ms",
    against: "node: jsdom + Plot, the same four charts into a file",
    target: "≤ 1.5x",
    met: h / b <= 1.5,
  });
}

async function warmRebuild() {
  const root = await copyProject();
  const out = join(root, "out");
  const cache = new Cache(join(root, ".cache"));
  const printer = new Printer({ executablePath: chromium });
  const csv = join(root, "data/cambodia-2020/summons.csv");
  const original = await readFile(csv, "utf8");
  let value = 59;
  const changeOneValue = () => writeFile(csv, original.replace(",59,exact,", `,${++value},exact,`));
  try {
    await buildReport("cambodia-2020", { root, out, cache, printer, formats: ["html", "svg", "pdf"] });
    const html: number[] = [];
    const pdf: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await changeOneValue();
      let started = performance.now();
      await buildReport("cambodia-2020", { root, out, cache, printer, formats: ["html", "svg"] });
      html.push(performance.now() - started);
      await changeOneValue();
      started = performance.now();
      await buildReport("cambodia-2020", { root, out, cache, printer, formats: ["html", "svg", "pdf"] });
      pdf.push(performance.now() - started);
    }
    rows.push({
      name: "5. warm rebuild after one CSV value, HTML",
      ours: median(html),
      unit: "ms",
      target: "< 150 ms",
      met: median(html) < 150,
    });
    rows.push({
      name: "   warm rebuild after one CSV value, + PDF",
      ours: median(pdf),
      unit: "ms",
      target: "< 400 ms",
      met: median(pdf) < 400,
    });
  } finally {
    await printer.close();
    await rm(root, { recursive: true, force: true });
  }
}

async function batch(project: string, cli: string) {
  // Another project beside the desk's, with its installed packages.
  const root = await mkdtemp(join(tmpdir(), "plotbrief-bench-batch-"));
  try {
    await batchIn(root, cli, project);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function batchIn(root: string, cli: string, project: string) {
  await cp(join(project, "package.json"), join(root, "package.json"));
  await symlink(join(project, "node_modules"), join(root, "node_modules"), "dir");
  // BATCH small reports, one figure each, from the scaffold of `plotbrief new`.
  await spawnTimed([cli, "new", "r0", "--quiet"], root);
  const notebook = await readFile(join(root, "reports/r0/index.md"), "utf8");
  for (let i = 1; i < BATCH; i++) {
    await cp(join(root, "reports/r0"), join(root, `reports/r${i}`), { recursive: true });
    await writeFile(
      join(root, `reports/r${i}/index.md`),
      notebook.replace('title: "A new briefing"', `title: "Briefing ${i}"`),
    );
  }
  const out = join(root, "out");
  const ours = await spawnTimed([cli, "build", "--out", out, "--format", "html,pdf", "--force", "--quiet"], root);
  const htmlFiles = (await readdir(out)).map((slug) => join(out, slug, "index.html"));
  const floorOut = join(root, "floor");
  await cp(out, floorOut, { recursive: true });
  const options = await printOptions(ROOT, "cambodia-2020", root);
  const bare = await spawnTimed(["bench/floor.mjs", chromium, options, floorOut, ...htmlFiles]);
  const oursRate = (BATCH / ours.ms) * 1000;
  const bareRate = (BATCH / bare.ms) * 1000;
  rows.push({
    name: `6. batch of ${BATCH} reports, HTML + PDF`,
    ours: oursRate,
    theirs: bareRate,
    unit: "reports/s",
    against: "bare puppeteer, one page per core, same options",
    target: "≥ 0.9x",
    met: oursRate / bareRate >= 0.9,
  });
  rows.push({
    name: "   peak memory of the batch (Node)",
    ours: ours.maxRssKb / 1024,
    theirs: bare.maxRssKb / 1024,
    unit: "MB",
    against: "bare puppeteer (Node)",
    target: "reported",
    met: true,
  });
}

// BENCH_ONLY=1,4 runs only those items (3 and 4 need each other's page: 4 runs 3 when asked alone).
const only = new Set((process.env.BENCH_ONLY ?? "1,2,3,4,5,6").split(",").map(Number));
const started = performance.now();
if (only.has(1) || only.has(2)) await figureRendering();
const html = only.has(3) || only.has(4) ? await warmPdf() : "";
if (only.has(5)) await warmRebuild();
if (only.has(4) || only.has(6)) {
  const { project, cli, cleanup } = await desk();
  try {
    if (only.has(4)) await coldBuild(html, project, cli);
    if (only.has(6)) await batch(project, cli);
  } finally {
    await cleanup();
  }
}

const table = rows.map((row) => {
  const ratio = row.theirs === undefined ? "" : `${(row.ours / row.theirs).toFixed(2)}x`;
  return [
    row.name,
    `${ms(row.ours)} ${row.unit}`,
    row.theirs === undefined ? "" : `${ms(row.theirs)} ${row.unit}`,
    ratio,
    row.target,
    row.met ? "met" : "MISSED",
  ];
});
const head = ["benchmark", "plotbrief", "bare / peer", "ratio", "target", ""];
const widths = head.map((_, i) => Math.max(head[i]!.length, ...table.map((r) => r[i]!.length)));
const line = (cells: string[]) =>
  cells
    .map((cell, i) => cell.padEnd(widths[i]!))
    .join("  ")
    .trimEnd();
console.log(line(head));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of table) console.log(line(row));
console.log(`\nmedians of ${RUNS} runs; ${Math.round((performance.now() - started) / 1000)} s in all`);
await writeFile(join(ROOT, "bench/results.json"), `${JSON.stringify({ runs: RUNS, rows }, null, 2)}\n`);
process.exit(0);
