// `npm run bench`: plotbrief beside the bare tools doing the same work, in one run, as medians and
// ratios. Prints a table and writes bench/results.json. Not a test: nothing here asserts a time.
// Builds (items 4, 6 and 7) run plotbrief as users run it: packed, installed in a desk's own project,
// and started by its bin; the other items measure its parts in this process.
import { execFile, execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
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
import { editionOf, loadReport } from "../src/report/load.js";
import { findSystemBrowser } from "../src/render/browser.js";
import { Printer } from "../src/render/printer.js";
import { renderSvg, svgDocument } from "../src/render/svg.js";
import { serviceBrowser } from "../test/browser/service.js";
import { deskProject, pack } from "../test/desk.js";
import { writeEditionsProject } from "../test/editions.js";
import { copyProject, emptyProject } from "../test/project.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const EDITIONS = Number(process.env.BENCH_EDITIONS ?? 1000);
// Item 7's shard processes (one per core) and the pages each prints at once.
const SHARDS = Number(process.env.BENCH_SHARDS ?? availableParallelism());
const PAGES = Number(process.env.BENCH_PAGES ?? 1);
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

interface Timed {
  readonly ms: number;
  readonly maxRssKb: number;
  /** CPU time of the process, all its threads. */
  readonly cpuMs: number;
  readonly stdout: string;
}

/** Runs a Node script in a new process (in `cwd`), timing it and reading its peak memory and CPU time. */
function spawnTimed(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = process.env): Promise<Timed> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", join(ROOT, "bench/maxrss.mjs"), ...args],
      { cwd, env, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${args.join(" ")} failed: ${stderr}`));
        const kb = Number(/BENCH_MAXRSS_KB=(\d+)/.exec(stderr)?.[1] ?? 0);
        const cpu = Number(/BENCH_CPU_US=(\d+)/.exec(stderr)?.[1] ?? 0) / 1000;
        resolve({ ms: performance.now() - started, maxRssKb: kb, cpuMs: cpu, stdout });
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

/** The print options plotbrief uses for a report (or one of its editions), so that the floor prints the same PDF. */
async function printOptions(root: string, slug: string, dir: string, edition?: string): Promise<string> {
  const rendered = await renderReport(root, editionOf(await loadReport(root, slug), edition));
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

// Clock ticks per second, for the CPU times in /proc/<pid>/stat.
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/**
 * CPU time so far, in ms, of a browser's processes: those with its profile on their command line, with
 * what they have reaped of their children (renderers that ended).
 */
async function browserCpuMs(profile: string): Promise<number> {
  let ticks = 0;
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (!cmdline.includes(profile)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // After the name: state is field 3, so utime, stime, cutime and cstime (14 to 17) are at 11 to 14.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += [11, 12, 13, 14].reduce((sum, i) => sum + (Number(fields[i]) || 0), 0);
  }
  return (ticks / CLOCK_TICKS) * 1000;
}

/** What `plotbrief build --json` said: its events of one type, from every shard. */
function events(runs: readonly Timed[], type: string): Record<string, unknown>[] {
  return runs.flatMap((run) =>
    run.stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((event) => event.event === type),
  );
}

async function sharedBrowser(project: string, cli: string) {
  // Another project beside the desk's, with its installed packages; and one with plotbrief linked, whose
  // report this process loads for the print options.
  const root = await mkdtemp(join(tmpdir(), "plotbrief-bench-editions-"));
  const linked = await emptyProject();
  const service = await serviceBrowser(chromium);
  try {
    await sharedIn(root, linked, cli, project, service);
  } finally {
    await service.close();
    await rm(root, { recursive: true, force: true });
    await rm(linked, { recursive: true, force: true });
  }
}

async function sharedIn(
  root: string,
  linked: string,
  cli: string,
  project: string,
  service: Awaited<ReturnType<typeof serviceBrowser>>,
) {
  await cp(join(project, "package.json"), join(root, "package.json"));
  await symlink(join(project, "node_modules"), join(root, "node_modules"), "dir");
  // EDITIONS editions of one report, one figure each; every edition has the same footer, so the print
  // options of one (from a copy of the report with one edition) are those of all.
  await writeEditionsProject(root, "editions", EDITIONS);
  const [first] = await writeEditionsProject(linked, "editions", 1);
  const options = await printOptions(linked, "editions", root, first);
  // The shards of a cluster, on this machine: each told its shard as an Indexed Job's task is, all at once.
  const build = async (formats: string, out: string) => {
    const browserBefore = await browserCpuMs(service.profile);
    const started = performance.now();
    const runs = await Promise.all(
      Array.from({ length: SHARDS }, (_, index) =>
        spawnTimed(
          [
            cli,
            "build",
            "editions",
            "--format",
            formats,
            "--force",
            "--json",
            "--out",
            join(out, `shard-${index}`),
          ].concat(["--pages", String(PAGES), "--browser-ws-endpoint", service.endpoint]),
          root,
          { ...process.env, JOB_COMPLETION_INDEX: String(index), PLOTBRIEF_SHARDS: String(SHARDS) },
        ),
      ),
    );
    const ms = performance.now() - started;
    return { ms, runs, browserCpuMs: (await browserCpuMs(service.profile)) - browserBefore };
  };
  // plotbrief's own work: the same editions, HTML only (no browser); then HTML and PDF.
  // plotbrief's own work: the same editions, HTML only (no browser). Its pages are those the build with
  // PDFs writes (checked below), and the floor prints them: before that build and after it, so that
  // neither side has the browser only fresh or only worn.
  const html = await build("html", join(root, "html"));
  const pagesOf = async (out: string) => {
    const files: string[] = [];
    for (let index = 0; index < SHARDS; index++) {
      const dir = join(out, `shard-${index}`, "editions");
      for (const edition of await readdir(dir).catch(() => [])) files.push(join(dir, edition, "index.html"));
    }
    if (files.length !== EDITIONS) throw new Error(`item 7: ${files.length} pages in ${out}, not ${EDITIONS}`);
    return files.sort();
  };
  const htmlFiles = await pagesOf(join(root, "html"));
  // The floor: the same pages, on the same browser, as many at once as the shards print together.
  const floor = async (out: string) => {
    await mkdir(out);
    const browserBefore = await browserCpuMs(service.profile);
    const run = await spawnTimed(["bench/floor.mjs", service.endpoint, options, out, ...htmlFiles], ROOT, {
      ...process.env,
      BENCH_FLOOR_PAGES: String(SHARDS * PAGES),
    });
    return { ...run, browserCpuMs: (await browserCpuMs(service.profile)) - browserBefore };
  };
  const before = await floor(join(root, "floor-before"));
  const ours = await build("html,pdf", join(root, "out"));
  const after = await floor(join(root, "floor-after"));
  const printed = await pagesOf(join(root, "out"));
  for (const [i, file] of printed.entries())
    if (!(await readFile(file)).equals(await readFile(htmlFiles[i]!)))
      throw new Error(`item 7: ${file} is not the page the HTML-only build wrote`);
  const bare = {
    ms: (before.ms + after.ms) / 2,
    cpuMs: (before.cpuMs + after.cpuMs) / 2,
    maxRssKb: Math.max(before.maxRssKb, after.maxRssKb),
  };
  const bareBrowserCpu = (before.browserCpuMs + after.browserCpuMs) / 2;

  const oursRate = (EDITIONS / ours.ms) * 1000;
  const bareRate = (EDITIONS / bare.ms) * 1000;
  const setup = `${SHARDS} ${SHARDS === 1 ? "shard" : "shards"} × ${PAGES} ${PAGES === 1 ? "page" : "pages"}`;
  rows.push({
    name: `7. ${EDITIONS} editions, one shared Chromium, ${setup}`,
    ours: oursRate,
    theirs: bareRate,
    unit: "editions/s",
    against: `bare puppeteer on the same browser, ${SHARDS * PAGES} pages, same options`,
    target: "≥ 0.9x",
    met: oursRate / bareRate >= 0.9,
  });
  for (const [index, run] of ours.runs.entries()) {
    rows.push({
      name: `   peak memory of shard ${index + 1} (Node)`,
      ours: run.maxRssKb / 1024,
      ...(index === 0 ? { theirs: bare.maxRssKb / 1024, against: "bare puppeteer (Node), all pages" } : {}),
      unit: "MB",
      target: "< 400 MB",
      met: run.maxRssKb / 1024 < 400,
    });
  }
  // Where an edition's time goes: per edition, over the whole run (wall time and CPU time, all shards).
  const per = (value: number) => value / EDITIONS;
  const cpu = (runs: readonly Timed[]) => runs.reduce((sum, run) => sum + run.cpuMs, 0);
  const mean = (list: Record<string, unknown>[]) =>
    list.reduce((sum, event) => sum + Number(event.ms), 0) / Math.max(1, list.length);
  const split: [string, number, number?][] = [
    ["   per edition: wall, HTML + PDF (vs the floor, mean of before and after)", per(ours.ms), per(bare.ms)],
    ["   per edition: wall, the floor before the build (vs after it)", per(before.ms), per(after.ms)],
    ["   per edition: wall, HTML only (plotbrief's own work)", per(html.ms)],
    ["   per edition: wall, the print (the difference)", per(ours.ms - html.ms)],
    [
      "   per edition: CPU of the shards (Node), HTML + PDF (vs the floor's Node)",
      per(cpu(ours.runs)),
      per(bare.cpuMs),
    ],
    ["   per edition: CPU of the shards (Node), HTML only", per(cpu(html.runs))],
    ["   per edition: CPU of Chromium, printing (vs the floor's print)", per(ours.browserCpuMs), per(bareBrowserCpu)],
    ["   per edition: its figure, drawn (mean of figure events)", mean(events(ours.runs, "figure"))],
    ["   per edition: its PDF, waiting for a page + print (mean of print events)", mean(events(ours.runs, "print"))],
    ["   per edition: its build, start to manifest (mean of report events)", mean(events(ours.runs, "report"))],
  ];
  for (const [name, value, theirs] of split)
    rows.push({
      name,
      ours: value,
      ...(theirs === undefined ? {} : { theirs }),
      unit: "ms",
      target: "reported",
      met: true,
    });
}

// BENCH_ONLY=1,4 runs only those items (3 and 4 need each other's page: 4 runs 3 when asked alone).
const only = new Set((process.env.BENCH_ONLY ?? "1,2,3,4,5,6,7").split(",").map(Number));
const started = performance.now();
if (only.has(1) || only.has(2)) await figureRendering();
const html = only.has(3) || only.has(4) ? await warmPdf() : "";
if (only.has(5)) await warmRebuild();
if (only.has(4) || only.has(6) || only.has(7)) {
  const { project, cli, cleanup } = await desk();
  try {
    if (only.has(4)) await coldBuild(html, project, cli);
    if (only.has(6)) await batch(project, cli);
    if (only.has(7)) await sharedBrowser(project, cli);
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
