// A figure's data as the reader gets it: a table of formatted cells, and the same rows as CSV.
import { callerError } from "../error.js";
import { isoDate } from "../data/format.js";
import type { NumberFormat } from "../data/format.js";
import type { Dataset } from "../data/dataset.js";
import type { CiteOptions } from "../data/provenance.js";
import { PreciseDate } from "../data/qualified.js";
import { parseStyles } from "../data/styles.js";
import { typeset } from "../data/typography.js";

/** The rows a figure shows, e.g. `{ dataset: gdp, rows: gdp.rows, columns: ["forecaster", "growth"] }`. */
export interface DataTableSpec<Row extends object> {
  readonly dataset: Dataset<Row>;
  readonly rows: readonly Row[];
  /** Columns to show, in order; numbers are written with their qualifier and kind. */
  readonly columns: readonly (keyof Row & string)[];
  /** Headings for columns, where the column name is not one: `{ reported_by: "Reported by" }`. */
  readonly labels?: Partial<Record<keyof Row & string, string>>;
  /** Number styles by column, as in the notebook after `|`: `{ population: "compact, round 1" }`. */
  readonly styles?: Partial<Record<keyof Row & string, NumberFormat>>;
}

/**
 * A typed table spec: `tableOf(gdp, ["forecaster", "growth"], { rows })`; naming a missing column does
 * not compile. `styles` writes a column's numbers in the notebook's styles: `{ styles: { population: "compact" } }`.
 */
export function tableOf<Row extends object>(
  dataset: Dataset<Row>,
  columns: readonly (keyof Row & string)[],
  options: {
    rows?: readonly Row[];
    labels?: Partial<Record<keyof Row & string, string>>;
    styles?: Partial<Record<keyof Row & string, string>>;
  } = {},
): DataTableSpec<Row> {
  const styles: Partial<Record<keyof Row & string, NumberFormat>> = {};
  for (const [column, text] of Object.entries(options.styles ?? {}) as [string, string][]) {
    const style = parseStyles(text);
    if ("error" in style) throw callerError(`tableOf(${dataset.id}): column "${column}": ${style.error}`);
    styles[column as keyof Row & string] = style;
  }
  return {
    dataset,
    columns,
    rows: options.rows ?? dataset.rows,
    ...(options.labels ? { labels: options.labels } : {}),
    ...(options.styles ? { styles } : {}),
  };
}

export interface DataTable {
  readonly head: readonly string[];
  /** Whether each column holds numbers: set right-aligned, in tabular figures, its heading too. */
  readonly numeric: readonly boolean[];
  /** The rows the reader's table shows: the first `tableRows` (100 by default). */
  readonly rows: readonly (readonly string[])[];
  /** How many rows the figure shows in all; the download has every one. */
  readonly total: number;
  /** The same rows as CSV, with raw values and their qualifiers, for download. */
  readonly csv: string;
  /** How many cells of the CSV were made safe from spreadsheets that would run them as formulas. */
  readonly neutralised: number;
}

/**
 * Formats the rows a figure shows for the reader, in the report's locale and words, each number column
 * in its style: one place decides how each column type is written.
 */
export function makeTable<Row extends object>(
  spec: DataTableSpec<Row>,
  words: CiteOptions = {},
  limit = Infinity,
): DataTable {
  const { dataset, rows, columns, labels = {}, styles = {} } = spec;
  const head = columns.map((name) =>
    typeset((labels as Record<string, string | undefined>)[name] ?? sentenceCase(name)),
  );
  const style = styles as Record<string, NumberFormat | undefined>;
  const cells = rows
    .slice(0, limit)
    .map((row) => columns.map((name) => dataset.format(row, name, { ...style[name], ...words })));
  const numeric = columns.map((name) => dataset.spec.columns[name]?.type === "number");
  return { head, numeric, rows: cells, total: rows.length, ...toCsv(dataset, rows) };
}

/**
 * The dataset's own columns, unformatted, so the download can be checked against the source file; a
 * text cell that a spreadsheet would run as a formula starts with an apostrophe (OWASP's advice), and
 * numbers, negative ones included, stay as they are. The citations of the rows shown follow them, their
 * `cites` column naming the row each restates: the chart leaves them out, the download keeps them.
 */
function toCsv<Row extends object>(dataset: Dataset<Row>, shown: readonly Row[]): { csv: string; neutralised: number } {
  const names = Object.keys(dataset.spec.columns);
  const cited = shown.flatMap((row) => dataset.citationsOf(row)).filter((row) => !shown.includes(row));
  const rows = [...shown, ...new Set(cited)];
  let neutralised = 0;
  const safe = (cell: string) => {
    if (!FORMULA.test(cell) || NUMBER.test(cell)) return cell;
    neutralised++;
    return `'${cell}`;
  };
  const lines = [names, ...rows.map((row) => names.map((name) => safe(rawCell(dataset, row, name))))];
  return { csv: lines.map((cells) => cells.map(quoteCsv).join(",")).join("\n") + "\n", neutralised };
}

// What a spreadsheet takes for the start of a formula; a plain number is not one.
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[-+]?\d+(\.\d+)?$/;

function rawCell<Row extends object>(dataset: Dataset<Row>, row: Row, name: string): string {
  const value = (row as Record<string, unknown>)[name];
  if (value === undefined) return "";
  if (dataset.spec.columns[name]!.type === "number") {
    const { value, digits } = dataset.quantity(row, name as keyof Row & string);
    return value.toFixed(digits);
  }
  if (value instanceof PreciseDate) return isoDate(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function quoteCsv(cell: string): string {
  return /[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function sentenceCase(name: string): string {
  const words = name.replaceAll(/[_-]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
