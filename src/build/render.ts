// A report rendered in memory, stage by stage: bound to its data, its figures drawn, its page
// assembled. `build` writes and prints what this makes; `check` and the dev server use it as is.
import type { AnyFigureSpec, Figure } from "../figures/figure.js";
import { bindReport } from "../report/bind.js";
import type { LoadedReport } from "../report/load.js";
import type { FrontMatter } from "../report/notebook.js";
import { assemblePage } from "../report/page.js";
import type { Page } from "../report/page.js";
import { renderFigure } from "../render/svg.js";

/** Makes a figure's SVG: rendered here, on a worker, or taken from the cache. */
export type SvgSource = (figure: Figure, spec: AnyFigureSpec) => Promise<string>;

/** A report rendered in memory: the page and each figure's standalone SVG. */
export interface RenderedReport extends Page {
  readonly slug: string;
  readonly front: FrontMatter;
  /** The claims audit's findings: hand-typed numbers that look like data values. */
  readonly warnings: readonly string[];
  readonly figures: readonly { readonly figure: Figure; readonly svg: string }[];
}

/** Renders a loaded report; nothing is written. Broken references fail before any figure is drawn. */
export async function renderReport(
  root: string,
  report: LoadedReport,
  svgFor: SvgSource = renderFigure,
): Promise<RenderedReport> {
  const bound = bindReport(report);
  const figures = await Promise.all(
    bound.figures.map(async ({ spec, figure }) => ({ figure, svg: await svgFor(figure, spec) })),
  );
  const page = await assemblePage(root, bound, new Map(figures.map(({ figure, svg }) => [figure.id, svg])));
  return { slug: report.slug, front: report.notebook.front, ...page, warnings: bound.warnings, figures };
}

/**
 * The files of a rendered report that need no browser, by path in its output folder: the page
 * (`index.html`) and each figure's SVG (`figures/<id>.svg`), as far as `formats` asks for them.
 */
export function pageFiles(rendered: RenderedReport, formats: ReadonlySet<string> = new Set(["html", "svg"])) {
  const files = new Map<string, string>();
  if (formats.has("html")) files.set("index.html", rendered.html);
  if (formats.has("svg"))
    for (const { figure, svg } of rendered.figures) files.set(`figures/${figure.id}.svg`, `${svg}\n`);
  return files;
}
