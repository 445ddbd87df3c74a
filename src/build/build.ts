import { join } from "node:path";
import { UserError } from "../error.js";
import { dateStart } from "../data/qualified.js";
import { assembleReport, VERSION } from "../report/assemble.js";
import type { RenderedReport } from "../report/assemble.js";
import type { Format } from "../report/notebook.js";
import { loadReport } from "../report/report.js";
import { stampPdf } from "../render/pdf-info.js";
import type { Printer } from "../render/printer.js";
import { svgDocument } from "../render/svg.js";
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
  /** Told of each file as soon as it is written, so that what was written is known even if a later step fails. */
  readonly onOutput?: (output: Output) => void;
}

/** One output of a build, with its path relative to the output folder. */
export interface Output {
  readonly path: string;
  readonly bytes: number;
  /** False when the file already held these bytes. */
  readonly changed: boolean;
}

/**
 * Builds one report. The page and its figures are rendered in memory first, so bad input writes
 * nothing; each file is written atomically. The HTML and SVG are written before printing, so they
 * exist even when the browser step fails.
 */
export async function buildReport(slug: string, options: BuildOptions): Promise<Output[]> {
  const [report, document] = await Promise.all([loadReport(options.root, slug), svgDocument()]);
  const rendered = await assembleReport(options.root, report, document);
  const formats = new Set(options.formats ?? rendered.front.formats);
  const outputs: Output[] = [];
  const write = async (path: string, content: string | Uint8Array) => {
    const changed = await writeAtomic(join(options.out, path), content);
    const output = { path, bytes: typeof content === "string" ? Buffer.byteLength(content) : content.length, changed };
    outputs.push(output);
    options.onOutput?.(output);
  };

  if (formats.has("html")) await write(join(slug, "index.html"), rendered.html);
  if (formats.has("svg")) {
    for (const { figure, svg } of rendered.figures) await write(join(slug, "figures", `${figure.id}.svg`), `${svg}\n`);
  }
  if (formats.has("pdf") || formats.has("png")) {
    const printer = options.printer;
    if (!printer) throw new UserError(`${slug}: pdf and png need a browser, and none was started`);
    if (formats.has("pdf")) await write(join(slug, `${slug}.pdf`), await printPdf(rendered, printer, options.date));
    if (formats.has("png")) {
      const selectors = rendered.figures.map(({ figure }) => `#figure-${figure.id} .pb-chart svg`);
      const shots = await printer.png(`${slug} figures`, rendered.html, selectors);
      for (const [i, { figure }] of rendered.figures.entries()) {
        await write(join(slug, "figures", `${figure.id}.png`), shots.get(selectors[i]!)!);
      }
    }
  }
  return outputs;
}

async function printPdf(rendered: RenderedReport, printer: Printer, date?: Date): Promise<Uint8Array> {
  const { front } = rendered;
  const pdf = await printer.pdf(`${rendered.slug}.pdf`, rendered.html, rendered.print);
  return stampPdf(pdf, {
    title: front.title,
    author: front.byline,
    subject: front.dek,
    keywords: front.keywords,
    creator: `plotbrief ${VERSION}`,
    date: date ?? dateStart(front.date),
  });
}
