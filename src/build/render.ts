// A report rendered in memory, stage by stage: bound to its data, its figures drawn, its page
// assembled. `build` writes and prints what this makes; `check` and the dev server use it as is.
import { UserError } from "../error.js";
import type { AnyFigureSpec, Figure } from "../figures/figure.js";
import { bindReport } from "../report/bind.js";
import type { LoadedReport } from "../report/load.js";
import type { FrontMatter } from "../report/notebook.js";
import { assemblePage } from "../report/page.js";
import type { Page } from "../report/page.js";
import { renderFigure } from "../render/svg.js";
import type { Chart } from "../render/svg.js";

/** Makes a figure's chart: rendered here, on a worker, or taken from the cache. */
export type ChartSource = (figure: Figure, spec: AnyFigureSpec) => Promise<Chart>;

/** A report rendered in memory: the page and each figure's chart. */
export interface RenderedReport extends Page {
  readonly slug: string;
  readonly front: FrontMatter;
  /** The claims audit's findings, and what the charts dropped or cut. */
  readonly warnings: readonly string[];
  readonly figures: readonly { readonly figure: Figure; readonly chart: Chart }[];
}

/**
 * Renders a loaded report for `formats` (every one where unset: a figure's files are made only for
 * the formats that use them); nothing is written. Broken references fail before any figure is drawn.
 */
export async function renderReport(
  root: string,
  report: LoadedReport,
  chartFor: ChartSource = renderFigure,
  formats?: ReadonlySet<string>,
): Promise<RenderedReport> {
  const bound = bindReport(report, formats);
  const figures = await Promise.all(
    bound.figures.map(async ({ spec, figure }) => ({ figure, chart: await chartFor(figure, spec) })),
  );
  const charts = figures.flatMap(({ chart }) => chart.warnings);
  if (report.notebook.front.strict && charts.length > 0) throw new UserError(charts.join("\n"));
  const page = await assemblePage(root, bound, new Map(figures.map(({ figure, chart }) => [figure.id, chart])));
  const warnings = [...bound.warnings, ...charts];
  const size = pageSize(report, page.html, figures);
  if (size) warnings.push(size);
  return { slug: report.slug, front: report.notebook.front, ...page, warnings, figures };
}

// Past this size a page is slow to open on a phone: the budget a build warns at.
const HEAVY_PAGE = 2_000_000;

/** A warning for a heavy page, or an error past the front matter's `max_page_mb`, naming its largest parts. */
function pageSize(report: LoadedReport, html: string, figures: RenderedReport["figures"]): string | undefined {
  const bytes = Buffer.byteLength(html);
  const limit = report.notebook.front.max_page_mb * 1_000_000;
  if (bytes <= Math.min(HEAVY_PAGE, limit)) return undefined;
  const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
  const parts = figures
    .flatMap(({ figure, chart }) => [
      {
        what: `figure ${figure.id}'s chart`,
        bytes: Buffer.byteLength(chart.svg) + Buffer.byteLength(chart.narrow ?? ""),
      },
      { what: `figure ${figure.id}'s download`, bytes: encodeURIComponent(figure.table.csv).length },
    ])
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 3)
    .map((part) => `${part.what} about ${mb(part.bytes)}`);
  const message =
    `${report.notebook.file}: the page is ${mb(bytes)}${bytes > limit ? `, more than max_page_mb (${mb(limit)})` : ", heavy for a phone"}: ` +
    `${parts.join(", ")}; draw fewer marks (Plot's transforms aggregate: Plot.binX, Plot.groupX) and give tableOf fewer rows`;
  if (bytes > limit) throw new UserError(message);
  return message;
}

/**
 * The files of a rendered report that need no browser, by path in its output folder: the page
 * (`index.html`) and each figure's SVG (`figures/<id>.svg`), as far as `formats` asks for them.
 */
export function pageFiles(rendered: RenderedReport, formats: ReadonlySet<string> = new Set(["html", "svg"])) {
  const files = new Map<string, string>();
  if (formats.has("html")) files.set("index.html", rendered.html);
  if (formats.has("svg"))
    for (const { figure, chart } of rendered.figures) files.set(`figures/${figure.id}.svg`, exported(figure, chart));
  return files;
}

/** A figure's own SVG file, which a report rendered for svg or png has made. */
export function exported(figure: Figure, chart: Chart): string {
  if (chart.file === undefined)
    throw new Error(`figure ${figure.id}: its SVG file was not made for this build's formats`);
  return chart.file;
}
