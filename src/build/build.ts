import { join, relative } from "node:path";
import { UserError } from "../error.js";
import { dateStart } from "../data/qualified.js";
import { assembleReport, renderWithPlot, VERSION } from "../report/assemble.js";
import type { RenderedReport, SvgSource } from "../report/assemble.js";
import type { DatasetSpec } from "../data/dataset.js";
import type { Format } from "../report/notebook.js";
import { loadReport, reportPaths } from "../report/report.js";
import type { LoadedReport } from "../report/report.js";
import { stampPdf } from "../render/pdf-info.js";
import type { Printer } from "../render/printer.js";
import type { Cache } from "./cache.js";
import { hash, hashFiles, hashTool, inputHashes, moduleGraph, reportInputs } from "./inputs.js";
import type { FigureRenderer } from "./pool.js";
import { writeAtomic } from "./write.js";

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
  | { readonly type: "warning"; readonly report: string; readonly message: string };

/**
 * Builds one report. The page and its figures are rendered in memory first, so bad input writes
 * nothing; each file is written atomically. The HTML and SVG are written before printing, so they
 * exist even when the browser step fails. With a cache, a figure is rendered again only when its
 * inputs changed (its datasets' files, the report's modules, plotbrief itself), and a PDF or PNG is
 * printed again only when the page or the print settings changed.
 */
export async function buildReport(slug: string, options: BuildOptions): Promise<Output[]> {
  const { root, cache } = options;
  const emit = (event: BuildEvent) => options.onEvent?.(event);
  const report = await loadReport(root, slug);
  const rendered = await assembleReport(root, report, cache ? await cachedSvgs(slug, options) : timed(slug, options));
  for (const message of rendered.warnings) emit({ type: "warning", report: slug, message });
  const formats = new Set(options.formats ?? rendered.front.formats);
  const outputs: Output[] = [];
  const write = async (path: string, content: string | Uint8Array) => {
    const changed = await writeAtomic(join(options.out, path), content);
    const output = { path, bytes: typeof content === "string" ? Buffer.byteLength(content) : content.length, changed };
    outputs.push(output);
    emit({ type: "write", report: slug, ...output });
  };

  const files: [string, string][] = [];
  if (formats.has("html")) files.push(["index.html", rendered.html]);
  if (formats.has("svg"))
    files.push(
      ...rendered.figures.map(({ figure, svg }): [string, string] => [`figures/${figure.id}.svg`, `${svg}\n`]),
    );
  for (const [path, content] of files) await write(join(slug, path), content);
  // What these files were made from, so that `check --against` can name the input that changed.
  if (files.length > 0) await write(join(slug, MANIFEST), await manifest(slug, root, report, files));
  if (formats.has("pdf") || formats.has("png")) {
    const printer = options.printer;
    if (!printer) throw new UserError(`${slug}: pdf and png need a browser, and none was started`);
    const tool = await hashTool();
    const print = async (format: "pdf" | "png", key: string, make: () => Promise<Uint8Array>) => {
      const started = performance.now();
      const hit = await cache?.get(key);
      const bytes = hit ?? (await make());
      if (!hit) await cache?.put(key, bytes);
      emit({ type: "print", report: slug, format, cached: hit !== undefined, ms: performance.now() - started });
      return bytes;
    };
    if (formats.has("pdf")) {
      const date = options.date ?? dateStart(rendered.front.date);
      const key = hash("pdf", tool, rendered.html, JSON.stringify(rendered.print), date.toISOString());
      await write(join(slug, `${slug}.pdf`), await print("pdf", key, () => printPdf(rendered, printer, date)));
    }
    if (formats.has("png")) {
      // Each chart alone on a page with the report's fonts and styles, whether the notebook embeds it or not.
      for (const { figure, svg } of rendered.figures) {
        const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${rendered.css}</style></head><body style="margin:0;background:#fff">${svg}</body></html>`;
        const png = await print("png", hash("png", tool, page), async () => {
          const shots = await printer.png(`${slug} figure ${figure.id}`, page, ["svg"]);
          return shots.get("svg")!;
        });
        await write(join(slug, "figures", `${figure.id}.png`), png);
      }
    }
  }
  return outputs;
}

/** The file in each report's output folder that records its inputs and outputs. */
export const MANIFEST = "manifest.json";

export interface Manifest {
  readonly plotbrief: string;
  readonly report: string;
  /** Content hash of every input, by path relative to the project root. */
  readonly inputs: Record<string, string>;
  /** Every output, by path relative to the report's output folder: its content hash and what it is made from. */
  readonly outputs: Record<string, { readonly sha256: string; readonly inputs: readonly string[] }>;
}

async function manifest(slug: string, root: string, report: LoadedReport, files: [string, string][]): Promise<string> {
  const inputs = await inputHashes(root, await reportInputs(root, report));
  const modules = (await moduleGraph(join(root, reportPaths(slug).module))).map((file) => relative(root, file));
  const figures = new Map(report.spec.figures.map((spec) => [spec.id, spec]));
  const madeFrom = (path: string): string[] => {
    const figure = figures.get(/^figures\/(.+)\.svg$/.exec(path)?.[1] ?? "");
    if (!figure) return Object.keys(inputs);
    const data = (Object.values(figure.uses) as DatasetSpec<never>[]).map((dataset) => dataset.file);
    return [...new Set([...modules, ...data])].sort();
  };
  const outputs = Object.fromEntries(
    files.map(([path, content]) => [path, { sha256: hash(content), inputs: madeFrom(path) }]),
  );
  const value: Manifest = { plotbrief: VERSION, report: slug, inputs, outputs };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Renders every figure, telling how long each took. */
function timed(slug: string, options: BuildOptions): SvgSource {
  return async (figure, spec) => {
    const started = performance.now();
    const local = () => renderWithPlot(figure, spec);
    const { svg, thread } = options.renderer
      ? await options.renderer.render(options.root, slug, figure.id, local)
      : { svg: await local(), thread: 0 };
    const ms = performance.now() - started;
    options.onEvent?.({ type: "figure", report: slug, figure: figure.id, cached: false, thread, ms });
    return svg;
  };
}

/** Takes each figure's SVG from the cache when its inputs are unchanged, else renders and stores it. */
async function cachedSvgs(slug: string, options: BuildOptions): Promise<SvgSource> {
  const { root, cache } = options;
  const [tool, modules] = await Promise.all([
    hashTool(),
    moduleGraph(join(root, reportPaths(slug).module)).then((files) => hashFiles(root, files)),
  ]);
  const render = timed(slug, options);
  return async (figure, spec) => {
    const started = performance.now();
    const data = (Object.values(spec.uses) as DatasetSpec<never>[]).map((dataset) => join(root, dataset.file));
    const key = hash("svg", tool, modules, figure.id, await hashFiles(root, data));
    const hit = await cache!.get(key);
    if (hit) {
      options.onEvent?.({
        type: "figure",
        report: slug,
        figure: figure.id,
        cached: true,
        ms: performance.now() - started,
      });
      return hit.toString("utf8");
    }
    const svg = await render(figure, spec);
    await cache!.put(key, svg);
    return svg;
  };
}

/** Prints a report's page to PDF and sets its document properties and pinned dates from the front matter. */
export async function printPdf(
  rendered: Pick<RenderedReport, "slug" | "front" | "html" | "print">,
  printer: Printer,
  date: Date = dateStart(rendered.front.date),
): Promise<Uint8Array> {
  const { front } = rendered;
  const pdf = await printer.pdf(`${rendered.slug}.pdf`, rendered.html, rendered.print);
  return stampPdf(pdf, {
    title: front.title,
    author: front.byline,
    subject: front.dek,
    keywords: front.keywords,
    creator: `plotbrief ${VERSION}`,
    date,
  });
}
