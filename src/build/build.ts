// Building one report: load, render in memory, write each file atomically, then print.
import { join } from "node:path";
import { UserError } from "../error.js";
import { dateStart } from "../data/qualified.js";
import { keyText } from "../data/keys.js";
import type { DatasetSpec } from "../data/dataset.js";
import type { PreciseDate } from "../data/qualified.js";
import type { LoadedReport } from "../report/load.js";
import { editionOf, loadReport } from "../report/load.js";
import type { Format } from "../report/notebook.js";
import { figureOptions } from "../report/bind.js";
import { cardPath } from "../report/page.js";
import { outputPaths, reportPaths } from "../report/report.js";
import { printPdf } from "../render/pdf.js";
import type { Printer } from "../render/printer.js";
import { renderFigure } from "../render/svg.js";
import type { Cache } from "./cache.js";
import { hash, hashFiles, hashTool, moduleGraph, readInput } from "./inputs.js";
import { MANIFEST, makeManifest } from "./manifest.js";
import type { FigureRenderer } from "./pool.js";
import { exported, pageFiles, renderReport } from "./render.js";
import type { ChartSource, RenderedReport } from "./render.js";
import type { Chart } from "../render/svg.js";
import { writeAtomic } from "../write.js";

/**
 * Work the builds of one command share, each piece done once: loading a report, hashing its modules
 * and inputs. A command's inputs do not change while it runs; the next command makes a new one.
 */
export class BuildMemo {
  readonly #done = new Map<string, Promise<unknown>>();

  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let value = this.#done.get(key) as Promise<T> | undefined;
    if (!value) {
      value = make();
      this.#done.set(key, value);
    }
    return value;
  }
}

export interface BuildOptions {
  /** The project root: reports/, data/ and templates/ are found here. */
  readonly root: string;
  /** Where outputs go, one folder per report: `<out>/<slug>/index.html`. */
  readonly out: string;
  /** What to write; by default what the report's front matter lists. */
  readonly formats?: readonly Format[];
  /** The browser for pdf and png; started by the caller, early, so its start-up overlaps our work. */
  readonly printer?: Printer;
  /** The PDF's dates; by default the report's date (SOURCE_DATE_EPOCH, read by the CLI, overrides it). */
  readonly date?: Date;
  /**
   * Builds the edition as of this day (`--as-of 2020-11-30`): rows published later are left out, and
   * an `updated` later than it is ignored. Part of every cache key and of the manifest.
   */
  readonly asOf?: PreciseDate;
  /**
   * Which edition of a report with editions to build (`--edition north`): into `<out>/<report>/<edition>/`.
   * A report with editions needs one; a report without takes none.
   */
  readonly edition?: string;
  /**
   * What the builds of one command share: each report loaded once (its editions are narrowed from it),
   * its modules' and inputs' hashes taken once. Without one, each build reads its own.
   */
  readonly memo?: BuildMemo;
  /** Rendered figures and printed files from earlier builds; without one, everything is made again. */
  readonly cache?: Cache;
  /** Renders figures across a pool of worker threads when a build has many; without one, here. */
  readonly renderer?: FigureRenderer;
  /** Told of each step as it happens: for progress, logs, and knowing what was written if a later step fails. */
  readonly onEvent?: (event: BuildEvent) => void;
}

/** One output of a build, with its path relative to the output folder. */
export interface Output {
  readonly path: string;
  readonly bytes: number;
  /** False when the file already held these bytes. */
  readonly changed: boolean;
}

export type BuildEvent =
  | {
      readonly type: "figure";
      readonly report: string;
      readonly figure: string;
      readonly cached: boolean;
      /** The worker thread that rendered it; 0 for the build's own. */
      readonly thread?: number;
      readonly ms: number;
    }
  | {
      readonly type: "print";
      readonly report: string;
      readonly format: "pdf" | "png";
      readonly cached: boolean;
      readonly ms: number;
    }
  | ({ readonly type: "write"; readonly report: string } & Output)
  | { readonly type: "warning"; readonly report: string; readonly message: string }
  /** An edition as of a date: the rows it left out, as "gdp/adb-ado2021-2020 (2021-04-28)". */
  | { readonly type: "as-of"; readonly report: string; readonly asOf: string; readonly leftOut: readonly string[] };

/**
 * Builds one report. The page and its figures are rendered in memory first, so bad input writes
 * nothing; each file is written atomically. The HTML and SVG are written before printing, so they
 * exist even when the browser step fails. With a cache, a figure is rendered again only when its
 * inputs changed (its datasets' files, the report's modules, plotbrief itself), and a PDF or PNG is
 * printed again only when the page or the print settings changed.
 */
export async function buildReport(name: string, options: BuildOptions): Promise<Output[]> {
  const { root } = options;
  const emit = (event: BuildEvent) => options.onEvent?.(event);
  const paths = outputPaths(name, options.edition);
  // In events and messages a report is named with its edition: "regions/north".
  const slug = paths.id;
  const memo = options.memo ?? new BuildMemo();
  const loaded = await memo.once(`report\0${name}\0${options.asOf ?? ""}`, () =>
    loadReport(root, name, readInput, options.asOf ? { asOf: options.asOf } : {}),
  );
  const report = editionOf(loaded, options.edition);
  if (options.asOf !== undefined) {
    const leftOut = report.leftOut.map((row) => `${row.fact} (${row.published})`);
    emit({ type: "as-of", report: slug, asOf: String(options.asOf), leftOut });
  }
  const formats = new Set(options.formats ?? report.notebook.front.formats);
  const rendered = await renderReport(root, report, await figureSource(report, options, memo), formats);
  for (const message of rendered.warnings) emit({ type: "warning", report: slug, message });
  const outputs: Output[] = [];
  const write = async (path: string, content: string | Uint8Array) => {
    const changed = await writeAtomic(join(options.out, path), content);
    const output = { path, bytes: typeof content === "string" ? Buffer.byteLength(content) : content.length, changed };
    outputs.push(output);
    emit({ type: "write", report: slug, ...output });
  };

  const files = pageFiles(rendered, formats);
  for (const [path, content] of files) await write(join(paths.dir, path), content);
  const cards = socialCards(rendered);
  if (formats.has("pdf") || formats.has("png") || cards.length > 0)
    await print(rendered, paths, formats, cards, options, write);
  // The manifest comes last: a folder with one is complete (`plotbrief merge` counts on it).
  if (files.size > 0) await write(join(paths.dir, MANIFEST), await makeManifest(root, report, files, memo));
  return outputs;
}

/**
 * The figures whose social card is printed: those that made one (every figure's with png, else the
 * page's image where the front matter gives the report's `url`: see bindReport).
 */
function socialCards(rendered: RenderedReport): RenderedReport["figures"] {
  return rendered.figures.filter(({ chart }) => chart.cardFile !== undefined);
}

/** Prints the PDF, the PNGs and the social cards, each taken from the cache when its page and settings are unchanged. */
async function print(
  rendered: RenderedReport,
  paths: ReturnType<typeof outputPaths>,
  formats: ReadonlySet<Format>,
  cards: RenderedReport["figures"],
  options: BuildOptions,
  write: (path: string, content: Uint8Array) => Promise<void>,
): Promise<void> {
  const slug = paths.id;
  const printer = options.printer;
  if (!printer) throw new UserError(`${slug}: pdf and png need a browser, and none was started`);
  const [tool, browser] = await Promise.all([hashTool(), printer.identity()]);
  const make = async (format: "pdf" | "png", key: string, print: () => Promise<Uint8Array>) => {
    const started = performance.now();
    const hit = await options.cache?.get(key);
    const bytes = hit ?? (await print());
    if (!hit) await options.cache?.put(key, bytes);
    const ms = performance.now() - started;
    options.onEvent?.({ type: "print", report: slug, format, cached: hit !== undefined, ms });
    return bytes;
  };
  if (formats.has("pdf")) {
    // Created on the report's date, modified on its last update, where it has one.
    const date = options.date ?? dateStart(rendered.front.date);
    const modified = options.date ?? dateStart(rendered.front.updated ?? rendered.front.date);
    const dates = `${date.toISOString()}/${modified.toISOString()}`;
    const key = hash("pdf", tool, browser, rendered.html, JSON.stringify(rendered.print), dates);
    await write(join(paths.dir, paths.pdf), await make("pdf", key, () => printPdf(rendered, printer, date, modified)));
  }
  // Each chart's file alone on a page, whether the notebook embeds it or not: it carries its own fonts.
  const shot = async (what: string, file: string, scale?: number) => {
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#fff">${file}</body></html>`;
    return make("png", hash("png", tool, browser, page, String(scale)), async () => {
      const shots = await printer.png(what, page, ["body > svg"], scale);
      return shots.get("body > svg")!;
    });
  };
  if (formats.has("png")) {
    for (const { figure, chart } of rendered.figures)
      await write(
        join(paths.dir, "figures", `${figure.id}.png`),
        await shot(`${slug} figure ${figure.id}`, exported(figure, chart)),
      );
  }
  for (const { figure, chart } of cards) {
    const card = await shot(`${slug} figure ${figure.id}'s card`, chart.cardFile!, 1);
    await write(join(paths.dir, cardPath(figure.id)), card);
  }
}

/**
 * Where each figure's SVG comes from: the cache when its inputs are unchanged, else rendered (here, or
 * on a worker thread once the build has many), each telling how long it took.
 */
async function figureSource(report: LoadedReport, options: BuildOptions, memo: BuildMemo): Promise<ChartSource> {
  const { root, cache, renderer } = options;
  const edition = report.edition;
  const slug = outputPaths(report.slug, edition?.slug).id;
  const dataFiles = (spec: Parameters<ChartSource>[1]) =>
    (Object.values(spec.uses) as DatasetSpec<never>[]).map((dataset) => join(root, dataset.file));
  // A worker loads the whole report, so it is sent every dataset file the report reads.
  const reportFiles = () => [
    ...[...report.datasets.values()].map((dataset) => join(root, dataset.spec.file)),
    ...(edition ? [join(root, edition.file)] : []),
  ];
  const render: ChartSource = async (figure) => {
    const started = performance.now();
    const { chart, thread } = renderer
      ? await renderer.render(
          {
            root,
            slug: report.slug,
            ...(edition ? { edition: edition.slug } : {}),
            figure: figure.id,
            exports: figure.exports,
            ...(options.asOf ? { asOf: String(options.asOf) } : {}),
          },
          () => renderFigure(figure),
          reportFiles,
        )
      : { chart: await renderFigure(figure), thread: 0 };
    const ms = performance.now() - started;
    options.onEvent?.({ type: "figure", report: slug, figure: figure.id, cached: false, thread, ms });
    return chart;
  };
  if (!cache) return render;
  // The project's lockfile stands for the versions of the packages its modules import.
  const lockfile = join(root, "package-lock.json");
  const [tool, modules] = await Promise.all([
    hashTool(),
    // Once a command for all of a report's editions: its modules do not change while it runs.
    memo.once(`modules\0${report.slug}`, () =>
      moduleGraph(root, join(root, reportPaths(report.slug).module)).then((files) =>
        hashFiles(root, [...files, lockfile]),
      ),
    ),
  ]);
  return async (figure, spec) => {
    const started = performance.now();
    const { strict } = report.notebook.front;
    // An edition's chart is drawn from its own rows: a changed row redraws only its editions' charts.
    const data = edition ? hashRows(report, spec) : await hashFiles(root, dataFiles(spec));
    // The report's side of a chart: its locale, its column's width, its credit, its table's length,
    // and which of its files the build's formats need.
    const bound = JSON.stringify({ ...figureOptions(report), exports: figure.exports });
    // An edition as of a date draws fewer rows from the same files: its charts are its own.
    // The report's date decides which rows its notes call updates.
    const dated = `${report.notebook.front.date}/${options.asOf ?? ""}`;
    const key = hash("chart", tool, modules, figure.id, bound, String(strict), data, dated);
    const hit = await cache.get(key);
    if (!hit) {
      const chart = await render(figure, spec);
      await cache.put(key, JSON.stringify(chart));
      return chart;
    }
    const ms = performance.now() - started;
    options.onEvent?.({ type: "figure", report: slug, figure: figure.id, cached: true, ms });
    return JSON.parse(hit.toString("utf8")) as Chart;
  };
}

/**
 * The content of the rows a figure of an edition can draw: each of its datasets as this edition has it
 * (narrowed to its rows), its file named. The bound options carry the edition's parameters.
 */
function hashRows(report: LoadedReport, spec: Parameters<ChartSource>[1]): string {
  const parts = (Object.values(spec.uses) as DatasetSpec<never>[]).map((used) => {
    const dataset = report.datasets.get(used.id);
    if (!dataset) return used.file;
    const numbers = Object.entries(used.columns as Record<string, { type: string }>)
      .filter(([, column]) => column.type === "number")
      .map(([name]) => name);
    // Each cell as written: a date to its precision, a number with its written digits ("4.50").
    const rows = [...dataset.rows, ...dataset.citations].map((row) => {
      const cells = row as Record<string, unknown>;
      const digits = numbers.map((name) =>
        typeof cells[name] === "number" ? dataset.quantity(row, name as never).digits : null,
      );
      const text = (value: unknown) =>
        typeof value === "object" && value !== null && !(value instanceof Date)
          ? JSON.stringify(value)
          : keyText(value);
      return [Object.entries(cells).map(([name, value]) => [name, text(value)]), digits];
    });
    return JSON.stringify([used.file, rows]);
  });
  return hash("rows", ...parts);
}
