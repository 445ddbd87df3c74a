import type { PlotOptions } from "@observablehq/plot";
import { UserError } from "../error.js";
import { sourceLine } from "../data/provenance.js";
import { inReportWords } from "../data/format.js";
import type { Dataset, DatasetSpec, RowsOf } from "../data/dataset.js";
import type { Params } from "../report/report.js";
import { CATALOGUE } from "../i18n/messages.js";
import type { Messages } from "../i18n/messages.js";
import { withAxes } from "./axes.js";
import { withTooltips } from "./tips.js";
import { typeset } from "../data/typography.js";
import { makeTable } from "./table.js";
import type { DataTable, DataTableSpec } from "./table.js";

/** The loaded datasets a figure uses, typed by their specs. */
export type Loaded<D extends Uses> = { readonly [K in keyof D]: Dataset<RowsOf<D[K]>> };
// `any`: a spec's key type makes DatasetSpec invariant in its columns; RowsOf recovers the row type.
export type Uses = Readonly<Record<string, DatasetSpec<any>>>;

/**
 * A figure as its author declares it: typed rows in, Plot options and furniture out. Example:
 * ```ts
 * defineFigure({ id: "summons", title: "How many were summoned?", uses: { summons },
 *   plot: ({ summons }) => ({ marks: [Plot.barX(summons.rows, { x: summons.col("count"), y: summons.col("id") })] }),
 *   table: ({ summons }) => tableOf(summons, ["reported_by", "count"]) })
 * ```
 * The source line is written from the provenance of the rows in `table`; it cannot be typed by hand.
 */
export interface FigureSpec<D extends Uses> {
  /** Used in notebooks (`{{figure summons}}`), file names and element ids: lowercase letters, digits, dashes. */
  readonly id: string;
  /** A title, or a function that writes it from the data, so that a number in it cannot drift. */
  readonly title: string | ((data: Loaded<D>, words: FigureWords) => string);
  /**
   * A subtitle, or a function that writes it from the data, so that the period it names is the rows':
   * `({ summons }, { locale }) => "Summoned, " + formatPeriod(summons.rows.map((r) => r.date), { locale })`.
   */
  readonly subtitle?: string | ((data: Loaded<D>, words: FigureWords) => string);
  readonly uses: D;
  /**
   * Plot options without `document` and `className`, which the renderer sets. It is called for each
   * view the chart is drawn for: the column (the page on a wide screen, the PDF, the exported files), a
   * narrow screen and a social card; `view` says which, so a figure can change what changes with width
   * (fewer ticks, shorter labels, a smaller margin). Plot's `width` is the view's unless it sets one.
   */
  readonly plot: (data: Loaded<D>, view: FigureView) => PlotOptions;
  /** The rows the figure shows: the reader's table, the CSV download and the source line come from them. */
  // `any`: each figure's rows have their own type, and tableOf checks the columns against it.
  readonly table: (data: Loaded<D>, words: FigureWords) => DataTableSpec<any>;
  /** Notes under the chart, written from the data. */
  readonly notes?: (data: Loaded<D>, words: FigureWords) => readonly string[];
  /** Alt text; by default, a summary of the chart: its kind, its series, the range of each axis, the extremes. */
  readonly alt?: (data: Loaded<D>, words: FigureWords) => string;
}

/**
 * What a figure's words are written in: the report's locale, for formatNumber, formatDate and
 * formatPeriod; and, in an edition of a report with editions, its parameters (empty otherwise).
 */
export interface FigureWords {
  readonly locale: string;
  /** The edition's row of the editions table: `params.name` is "Northern Province". */
  readonly params: Params;
}

/** What a figure's chart is drawn for, with its width in CSS pixels. */
export interface FigureView {
  /** "column": the page on a wide screen, the PDF and the exported files; "narrow": a phone; "card": a social card. */
  readonly name: "column" | "narrow" | "card";
  readonly width: number;
  /** True for a phone's screen: make room, say less. */
  readonly narrow: boolean;
  /** The edition's parameters, as for the figure's words. */
  readonly params: Params;
}

/** How wide a narrow screen's chart is drawn: about a 320–400 px phone's column, so its text stays at 11 px or more. */
export const NARROW_WIDTH = 320;
/** How wide a social card's chart is drawn, in a card of 600 by 337.5 CSS pixels (1,200 by 675 at twice the size). */
export const CARD_WIDTH = 560;

/** What a figure is bound with, from the report: its language, the width of its column, its credit and its table's length. */
export interface FigureOptions {
  readonly locale?: string;
  /** The report's words for the reader (source lines, alt text); English by default. */
  readonly messages?: Messages;
  /** The width of the printed page's column, in CSS pixels; the column view is drawn this wide. */
  readonly column?: number;
  /** The credit line of the exported files, e.g. "Chart: The data desk". */
  readonly credit?: string;
  /** The most rows the reader's table shows; the download has them all. */
  readonly tableRows?: number;
  /** Which of the figure's files the build makes; both where unset. */
  readonly exports?: FigureExports;
  /** The edition's parameters, in a report with editions. */
  readonly params?: Params;
}

/**
 * The files a build makes of a figure beside the page: its own SVG (`svg`, and the PNG printed from
 * it) and its social card (`png`, or the page's image where the front matter gives a `url`). A card
 * is a third drawing of the chart and a file is a font subset: neither is made for a page alone.
 */
export interface FigureExports {
  readonly file: boolean;
  readonly card: boolean;
}

const ALL_EXPORTS: FigureExports = { file: true, card: true };

/** A figure of any datasets, as reports list them. */

export type AnyFigureSpec = FigureSpec<any>;

/** Identity helper for typing: infers each dataset's row type for `plot`, `table` and `alt`. */
export function defineFigure<const D extends Uses>(spec: FigureSpec<D>): FigureSpec<D> {
  if (!/^[a-z][a-z0-9-]*$/.test(spec.id)) {
    throw new Error(`figure id "${spec.id}": use lowercase letters, digits and dashes, starting with a letter`);
  }
  return spec;
}

/** A figure with its data bound: everything the renderers need, nothing that needs a DOM. */
export interface Figure {
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly notes: readonly string[];
  /** The report's locale, for what the renderer writes (the alt text's numbers and dates). */
  readonly locale?: string;
  /** The report's words, for what the renderer writes (the alt text); English where unset. */
  readonly messages?: Messages;
  /** The author's alt text; without one, the renderer writes a summary of the chart (`Chart.alt`). */
  readonly alt?: string;
  /** The extremes of the table's first number column, in words, for the summary. */
  readonly extremes?: string;
  readonly source: string;
  /** The credit line of the exported files. */
  readonly credit: string;
  readonly table: DataTable;
  /** The column view's Plot options: the page on a wide screen, the PDF and the exported files. */
  readonly plot: PlotOptions;
  /** The other views' Plot options, where the figure is drawn for them: the card's only where it is exported. */
  readonly views?: { readonly narrow: PlotOptions; readonly card?: PlotOptions };
  /** Which of its files the build makes. */
  readonly exports: FigureExports;
  /** What the build should tell the author about this figure (features a page without script lacks). */
  readonly notices: readonly string[];
}

/**
 * Binds a figure to its loaded datasets and writes its furniture. The figure's code runs in the
 * report's words: a formatter it calls without a locale writes the report's language.
 */
export function resolveFigure<D extends Uses>(
  spec: FigureSpec<D>,
  datasets: ReadonlyMap<string, Dataset>,
  options: FigureOptions = {},
): Figure {
  const { locale, messages } = options;
  return inReportWords({ ...(locale === undefined ? {} : { locale }), ...(messages ? { messages } : {}) }, () =>
    bindFigure(spec, datasets, options),
  );
}

function bindFigure<D extends Uses>(
  spec: FigureSpec<D>,
  datasets: ReadonlyMap<string, Dataset>,
  options: FigureOptions,
): Figure {
  const {
    locale,
    messages = CATALOGUE.en,
    column = COLUMN_WIDTH,
    credit = "",
    tableRows = TABLE_ROWS,
    exports = ALL_EXPORTS,
    params = {},
  } = options;
  const data = {} as Record<string, Dataset>;
  for (const [name, dataset] of Object.entries(spec.uses)) {
    const loaded = datasets.get(dataset.id);
    if (!loaded) throw new Error(`figure ${spec.id}: dataset ${dataset.id} is not loaded`);
    data[name] = loaded;
  }
  const bound = data as unknown as Loaded<D>;
  const written: FigureWords = { locale: locale ?? "en-US", params };
  const tableSpec = spec.table(bound, written);
  if (tableSpec.rows.length === 0) {
    throw new UserError(
      `figure ${spec.id}: its table has no rows; a figure shows at least one, and its source line names their sources`,
    );
  }
  const words = { ...(locale === undefined ? {} : { locale }), messages };
  const table = makeTable(tableSpec, words, tableRows);
  const sources = tableSpec.rows.flatMap((row) => tableSpec.dataset.sourcesOf(row));
  // The author's words get the prose's typography: curly quotes and apostrophes, dashes.
  const write = (text: string | ((data: Loaded<D>, words: FigureWords) => string)) =>
    typeset(typeof text === "string" ? text : text(bound, written));
  const title = write(spec.title);
  const view = (name: FigureView["name"], width: number) => {
    const plot = spec.plot(bound, { name, width, narrow: name === "narrow", params });
    return withTooltips(withAxes({ width, ...plot }, locale ?? "en-US"), spec.id, locale);
  };
  const { plot, notices } = view("column", column);
  const extremes = extremesOf(tableSpec, words);
  return {
    id: spec.id,
    title,
    ...(spec.subtitle === undefined ? {} : { subtitle: write(spec.subtitle) }),
    notes: (spec.notes?.(bound, written) ?? []).map(typeset),
    ...(locale === undefined ? {} : { locale }),
    messages,
    ...(spec.alt ? { alt: typeset(spec.alt(bound, written)) } : {}),
    ...(extremes === undefined ? {} : { extremes }),
    source: sourceLine(sources, words),
    credit,
    table,
    plot,
    views: {
      narrow: view("narrow", NARROW_WIDTH).plot,
      ...(exports.card ? { card: view("card", CARD_WIDTH).plot } : {}),
    },
    exports,
    notices,
  };
}

/** The column's width when the report does not say: an A4 page's, less 18 mm margins. */
export const COLUMN_WIDTH = 658;
/** How many rows the reader's table shows by default; the download has them all. */
export const TABLE_ROWS = 100;

/** "rate: highest South, 11.7%; lowest …": the table's first number column's extremes, each with its row's first text. */
function extremesOf(spec: DataTableSpec<any>, words: { locale?: string; messages: Messages }): string | undefined {
  const { dataset, rows, columns } = spec as DataTableSpec<Record<string, unknown>>;
  const column = columns.find((name) => dataset.numberColumns.includes(name));
  if (column === undefined || rows.length < 2) return undefined;
  const valued = rows.filter((row) => typeof row[column] === "number");
  if (valued.length < 2) return undefined;
  let [low, high] = [valued[0]!, valued[0]!];
  for (const row of valued) {
    if ((row[column] as number) > (high[column] as number)) high = row;
    if ((row[column] as number) < (low[column] as number)) low = row;
  }
  if (low === high) return undefined;
  const label = columns.find((name) => name !== column && !dataset.numberColumns.includes(name));
  const say = (row: Record<string, unknown>) =>
    `${label === undefined ? "" : `${dataset.format(row, label, words)}, `}${dataset.format(row, column, words)}`;
  const head = (spec.labels as Record<string, string | undefined> | undefined)?.[column] ?? column.replaceAll("_", " ");
  return words.messages.extremes(head, say(high), say(low));
}

/** How many rows a figure draws from: its table's, or its largest mark's data where that is larger. */
export function figureRows(figure: Figure): number {
  const marks = [figure.plot.marks ?? []].flat(Infinity as 1) as { data?: unknown }[];
  const sizes = marks.map((mark) => {
    const data = mark?.data as { length?: unknown } | undefined;
    return typeof data?.length === "number" ? data.length : 0;
  });
  return Math.max(figure.table.total, ...sizes);
}
